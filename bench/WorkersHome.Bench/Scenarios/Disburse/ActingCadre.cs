using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Organizations;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Bench.Scenarios.Disburse;

/// <summary>
/// A cadre account the run acts as. <see cref="FindAsync"/> resolves it from the database as
/// <see cref="DataScopeMiddleware"/> does for a signed-in request; <see cref="Scope"/> then gives each call a request's
/// own scope with that cadre signed in and its context limited to the cadre's subtree.
/// </summary>
internal sealed record ActingCadre(Guid Id, string UserName, string DisplayName, long OrgId, string OrgPath, string OrgName, IReadOnlyList<string> Roles,
    IReadOnlySet<string> Permissions)
{
    public AsyncServiceScope Scope(IServiceProvider services)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AppDbContext>().RestrictToSubtree(OrgPath);
        scope.ServiceProvider.GetRequiredService<CurrentCadre>().SignIn(Id, UserName, DisplayName, OrgId, OrgPath, OrgName, Roles, Permissions,
            mustEnrolTwoFactor: false);
        return scope;
    }

    /// <summary>The account, its union and its roles, read with the middleware's own queries.</summary>
    public static async Task<ActingCadre> FindAsync(IServiceProvider services, string userName, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.UseWholeTree();
        var row = await (
            from u in db.Users.AsNoTracking()
            join o in db.OrgUnits.IgnoreQueryFilters().AsNoTracking() on u.OrgId equals o.Id
            where u.UserName == userName && !u.IsDisabled
            select new { u.Id, u.DisplayName, u.OrgId, o.Path, o.Name }).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"no cadre account {userName}");
        var roles = await (
            from ur in db.UserRoles.AsNoTracking()
            join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
            where ur.UserId == row.Id
            select r.Name!).ToListAsync(ct);
        var permissions = scope.ServiceProvider.GetRequiredService<PermissionRegistry>().PermissionsOf(roles);
        return new ActingCadre(row.Id, userName, row.DisplayName, row.OrgId, row.Path, row.Name, roles, permissions);
    }
}