using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Accounts.Administer;

/// <summary>An account being administered, with the path of its unit (the audit row is written there).</summary>
public sealed record AdministeredAccount(CadreUser User, string OrgPath);

/// <summary>
/// What every change to a cadre account shares: finding it within the acting cadre's authority, checking roles against
/// what the cadre may grant, turning Identity's refusals into form errors, and the audit row.
/// </summary>
public sealed class AccountSteps(
    AppDbContext db, UserManager<CadreUser> users, IOrgDirectory orgs, CurrentCadre cadre, PermissionRegistry permissions, AuditTrail audit)
{
    /// <summary>
    /// An account the cadre may change: inside their subtree, and holding no role the cadre could not
    /// grant (a union administrator must not reset a system administrator's password).
    /// </summary>
    public async Task<AdministeredAccount> FindAsync(Guid id, CancellationToken ct)
    {
        var row = await (from u in db.Users
                         join o in orgs.ScopedOrgs() on u.OrgId equals o.Id
                         where u.Id == id
                         select new { u, o.Path }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        var held = await users.GetRolesAsync(row.u);
        if (held.Any(role => !permissions.CanGrant(cadre.Roles, role)))
        {
            throw new ForbiddenException(Loc.T("该账号的权限高于您，无权修改", "This account holds more than you may grant; you cannot change it"));
        }

        return new AdministeredAccount(row.u, row.Path);
    }

    /// <summary>Adds an error for each role that does not exist or holds a permission the cadre lacks.</summary>
    public void CheckRoles(FieldErrors errors, IEnumerable<string> roles)
    {
        foreach (var role in roles)
        {
            if (!Roles.All.Contains(role))
            {
                errors.Add("Roles", $"未知角色：{role}", $"Unknown role: {role}");
            }
            else if (!permissions.CanGrant(cadre.Roles, role))
            {
                errors.Add("Roles", $"您无权授予“{Roles.Label(role).Zh}”角色", $"You may not grant the role '{Roles.Label(role).En}'");
            }
        }
    }

    public Task AuditAsync(string action, AdministeredAccount account, object detail, CancellationToken ct) =>
        audit.RecordNowAsync(action, "account", account.User.Id.ToString(), account.OrgPath, detail, ct: ct);

    /// <summary>Identity's refusals (a weak password, a taken user name) become errors of the form field they concern.</summary>
    public static void ThrowIfFailed(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                [field] = result.Errors.Select(e => e.Description).ToArray(),
            });
        }
    }
}