using Microsoft.AspNetCore.Identity;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Accounts.Administer;

/// <summary>
/// A cadre turns an account's sign-in off (someone left, or the account is suspected stolen). The renewed security stamp
/// ends the account's open sessions.
/// </summary>
public sealed class DisableCadreAccount(UserManager<CadreUser> users, AccountSteps steps, AccountQueries queries, CurrentCadre cadre)
{
    public async Task<AccountView> ExecuteAsync(Guid id, CancellationToken ct)
    {
        var account = await steps.FindAsync(id, ct);
        account.User.Disable(by: cadre.UserId);
        AccountSteps.ThrowIfFailed(await users.UpdateAsync(account.User), "IsDisabled");
        await users.UpdateSecurityStampAsync(account.User);
        await steps.AuditAsync(AuditActions.AccountChanged, account, new { account.User.UserName, disabled = true }, ct);
        return await queries.GetAsync(id, ct);
    }
}