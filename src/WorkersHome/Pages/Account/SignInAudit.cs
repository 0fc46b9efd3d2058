using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.Account;

/// <summary>Writes every sign-in attempt, good or bad, to the audit trail under the account's org.</summary>
public sealed class SignInAudit(AppDbContext db, AuditTrail audit)
{
    public async Task RecordAsync(string action, CadreUser? user, string attemptedName, bool succeeded, object? detail = null)
    {
        string? orgPath = null;
        if (user is not null)
        {
            orgPath = await db.OrgUnits.IgnoreQueryFilters().Where(o => o.Id == user.OrgId).Select(o => o.Path).FirstOrDefaultAsync();
        }

        await audit.RecordNowAsync(action, "account", user?.Id.ToString(), orgPath, detail, succeeded,
            actorId: user?.Id, actorName: user?.UserName ?? Truncate(attemptedName));
    }

    private static string Truncate(string name) => name.Length > 60 ? name[..60] : name;
}