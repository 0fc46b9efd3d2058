using System.Security.Claims;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Persistence;

namespace WorkersHome.Platform.Security;

/// <summary>
/// The one place where a request's data scope is set: every org-owned query on the request's
/// context is limited to the signed-in cadre's subtree, or to nothing for anonymous requests.
/// </summary>
public sealed class DataScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AppDbContext db, IOrgNodes orgs, CurrentCadre cadre, PermissionRegistry registry)
    {
        var idClaim = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (context.User.Identity?.IsAuthenticated == true && Guid.TryParse(idClaim, out var userId))
        {
            var row = await (
                from u in db.Users.AsNoTracking()
                join o in orgs.All() on u.OrgId equals o.Id
                where u.Id == userId && !u.IsDisabled
                select new { u.UserName, u.DisplayName, u.OrgId, u.TwoFactorEnabled, o.Path, o.Name }).FirstOrDefaultAsync(context.RequestAborted);
            if (row is not null)
            {
                var roles = await (
                    from ur in db.UserRoles.AsNoTracking()
                    join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                    where ur.UserId == userId
                    select r.Name!).ToListAsync(context.RequestAborted);
                var mustEnrol = !row.TwoFactorEnabled && roles.Any(Roles.RequiresTwoFactor);
                cadre.SignIn(userId, row.UserName ?? "", row.DisplayName, row.OrgId, row.Path, row.Name, roles,
                    registry.PermissionsOf(roles), mustEnrol);
                if (!mustEnrol)
                {
                    db.RestrictToSubtree(row.Path);
                }
            }
        }

        await next(context);
    }
}