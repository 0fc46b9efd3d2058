using Microsoft.AspNetCore.Identity;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Accounts.Administer;

/// <summary>A cadre sets a new password for an account that forgot its own, and lifts the lock-out failed sign-ins put on it.</summary>
public sealed class ResetCadrePassword(UserManager<CadreUser> users, AccountSteps steps, AccountQueries queries)
{
    public async Task<AccountView> ExecuteAsync(Guid id, string? newPassword, CancellationToken ct)
    {
        var account = await steps.FindAsync(id, ct);
        var user = account.User;
        if (string.IsNullOrEmpty(newPassword))
        {
            new FieldErrors().Add("Password", "请输入新密码", "Enter the new password").ThrowIfAny();
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        AccountSteps.ThrowIfFailed(await users.ResetPasswordAsync(user, token, newPassword!), "Password");
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await steps.AuditAsync(AuditActions.AccountChanged, account, new { user.UserName, passwordReset = true }, ct);
        return await queries.GetAsync(id, ct);
    }
}