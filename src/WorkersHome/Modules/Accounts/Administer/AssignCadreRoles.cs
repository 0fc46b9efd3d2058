using Microsoft.AspNetCore.Identity;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Accounts.Administer;

/// <summary>
/// A cadre replaces an account's roles. The change takes effect at once: the security stamp is renewed, so the
/// account's open sessions pick up the new roles.
/// </summary>
public sealed class AssignCadreRoles(UserManager<CadreUser> users, AccountSteps steps, AccountQueries queries, CurrentCadre cadre)
{
    public async Task<AccountView> ExecuteAsync(Guid id, IReadOnlyList<string> roles, CancellationToken ct)
    {
        var account = await steps.FindAsync(id, ct);
        var user = account.User;
        var errors = new FieldErrors();
        var wanted = roles.Distinct().ToList();
        var current = await users.GetRolesAsync(user);
        // Removing a role the cadre could not grant is as much beyond their authority as granting it.
        steps.CheckRoles(errors, wanted.Except(current).Concat(current.Except(wanted)));
        if (user.Id == cadre.UserId)
        {
            errors.Add("Roles", "不能修改自己的角色", "You cannot change your own roles");
        }

        errors.ThrowIfAny();
        AccountSteps.ThrowIfFailed(await users.RemoveFromRolesAsync(user, current.Except(wanted)), "Roles");
        AccountSteps.ThrowIfFailed(await users.AddToRolesAsync(user, wanted.Except(current)), "Roles");
        await users.UpdateSecurityStampAsync(user);
        await steps.AuditAsync(AuditActions.RolesChanged, account, new { user.UserName, before = current, after = wanted }, ct);
        return await queries.GetAsync(id, ct);
    }
}