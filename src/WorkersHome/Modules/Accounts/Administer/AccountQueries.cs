using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Accounts.Administer;

public sealed record AccountView(Guid Id, string UserName, string DisplayName, long OrgId, string OrgName,
    IReadOnlyList<string> Roles, bool TwoFactorEnabled, bool IsDisabled, bool IsLockedOut, bool IdentityRegistered = false);

/// <summary>Reads of the accounts inside the cadre's subtree, for the account pages and the API.</summary>
public sealed class AccountQueries(AppDbContext db, IOrgDirectory orgs, CurrentCadre cadre, PermissionRegistry permissions, TimeProvider clock)
{
    public async Task<IReadOnlyList<AccountView>> ListAsync(string? search, int skip = 0, int take = 100, CancellationToken ct = default)
    {
        var query = from u in db.Users.AsNoTracking()
                    join o in orgs.ScopedOrgs() on u.OrgId equals o.Id
                    select new { u, o.Name, o.Path };
        if (!string.IsNullOrWhiteSpace(search))
        {
            query = query.Where(x => x.u.UserName!.Contains(search) || x.u.DisplayName.Contains(search) || x.Name.Contains(search));
        }

        var rows = await query.OrderBy(x => x.Path).ThenBy(x => x.u.UserName).Skip(skip).Take(take).ToListAsync(ct);
        var ids = rows.Select(r => r.u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return rows.Select(r => new AccountView(r.u.Id, r.u.UserName!, r.u.DisplayName, r.u.OrgId, r.Name,
            roles.Where(x => x.UserId == r.u.Id).Select(x => x.Name!).ToList(), r.u.TwoFactorEnabled, r.u.IsDisabled,
            r.u.LockoutEnd > now, r.u.PersonIdHash != null)).ToList();
    }

    public async Task<AccountView> GetAsync(Guid id, CancellationToken ct = default)
    {
        var row = await (from u in db.Users.AsNoTracking()
                         join o in orgs.ScopedOrgs() on u.OrgId equals o.Id
                         where u.Id == id
                         select new { u, o.Name }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == id
                           select r.Name!).ToListAsync(ct);
        return new AccountView(row.u.Id, row.u.UserName!, row.u.DisplayName, row.u.OrgId, row.Name, roles,
            row.u.TwoFactorEnabled, row.u.IsDisabled, row.u.LockoutEnd > clock.GetUtcNow(), row.u.PersonIdHash != null);
    }

    /// <summary>The roles the cadre may hand out: those holding no permission the cadre lacks.</summary>
    public IReadOnlyList<string> GrantableRoles() =>
        Roles.All.Where(r => permissions.CanGrant(cadre.Roles, r)).ToList();
}