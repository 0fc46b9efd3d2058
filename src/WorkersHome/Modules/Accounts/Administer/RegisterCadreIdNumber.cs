using Microsoft.AspNetCore.Identity;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Accounts.Administer;

/// <summary>
/// Registers the cadre's own resident ID number (kept only as a blind index), so that approvals of money can tell
/// when an application is the approver's own or their household's.
/// </summary>
public sealed class RegisterCadreIdNumber(
    UserManager<CadreUser> users, AccountSteps steps, AccountQueries queries, PersonalDataProtector protector, TimeProvider clock)
{
    public async Task<AccountView> ExecuteAsync(Guid id, string? idNumber, CancellationToken ct)
    {
        var account = await steps.FindAsync(id, ct);
        var (number, error) = ResidentIds.Check(idNumber, ChinaTime.DayOf(clock.GetUtcNow()));
        if (error is { } e)
        {
            new FieldErrors().Add("IdNumber", e.Zh, e.En).ThrowIfAny();
        }

        account.User.PersonIdHash = protector.BlindIndex(number!);
        AccountSteps.ThrowIfFailed(await users.UpdateAsync(account.User), "IdNumber");
        await steps.AuditAsync(AuditActions.AccountChanged, account, new { account.User.UserName, identityRegistered = true }, ct);
        return await queries.GetAsync(id, ct);
    }
}