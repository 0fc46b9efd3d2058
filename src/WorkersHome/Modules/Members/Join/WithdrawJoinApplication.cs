using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Members.Join;

/// <summary>The applicant takes back an application the union has not decided yet.</summary>
public sealed class WithdrawJoinApplication(AppDbContext db, JoinSteps steps, TimeProvider clock)
{
    public async Task ExecuteAsync(string phoneHash, Guid id, int version, CancellationToken ct)
    {
        var application = await db.JoinApplications.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == id && a.PhoneHash == phoneHash, ct)
            ?? throw new NotFoundException();
        application.Withdraw(version, clock.GetUtcNow());
        await steps.SaveDecisionAsync(application, version, ct);
    }
}