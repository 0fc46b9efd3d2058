using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations;
using WorkersHome.Platform.Audit;

namespace WorkersHome.Platform.Security;

/// <summary>Writes every sign-in attempt, good or bad, to the audit trail under the account's org.</summary>
public sealed class SignInAudit(IOrgNodes orgs, AuditTrail audit)
{
    public async Task RecordAsync(string action, CadreUser? user, string attemptedName, bool succeeded, object? detail = null)
    {
        string? orgPath = null;
        if (user is not null)
        {
            orgPath = await orgs.All().Where(o => o.Id == user.OrgId).Select(o => o.Path).FirstOrDefaultAsync();
        }

        await audit.RecordNowAsync(action, "account", user?.Id.ToString(), orgPath, detail, succeeded,
            actorId: user?.Id, actorName: user?.UserName ?? Truncate(attemptedName));
    }

    private static string Truncate(string name) => name.Length > 60 ? name[..60] : name;
}