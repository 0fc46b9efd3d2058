using Microsoft.AspNetCore.Identity;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Accounts.Administer;

/// <summary>A cadre lets a disabled account sign in again.</summary>
public sealed class EnableCadreAccount(UserManager<CadreUser> users, AccountSteps steps, AccountQueries queries, CurrentCadre cadre)
{
    public async Task<AccountView> ExecuteAsync(Guid id, CancellationToken ct)
    {
        var account = await steps.FindAsync(id, ct);
        account.User.Enable(by: cadre.UserId);
        AccountSteps.ThrowIfFailed(await users.UpdateAsync(account.User), "IsDisabled");
        await users.UpdateSecurityStampAsync(account.User);
        await steps.AuditAsync(AuditActions.AccountChanged, account, new { account.User.UserName, disabled = false }, ct);
        return await queries.GetAsync(id, ct);
    }
}