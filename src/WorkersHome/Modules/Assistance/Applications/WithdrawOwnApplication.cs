using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Assistance.Applications;

/// <summary>The member withdraws their own application on the phone while it waits.</summary>
public sealed class WithdrawOwnApplication(AppDbContext db, ApplicationSteps steps, TimeProvider clock)
{
    public async Task ExecuteAsync(Guid memberId, Guid id, int version, CancellationToken ct)
    {
        var application = await db.AssistanceApplications.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == id && a.MemberId == memberId, ct)
            ?? throw new NotFoundException();
        application.Expect(version);
        application.Withdraw(clock.GetUtcNow());
        await steps.SaveAsync(application, version, ApplicationStepKind.Withdrawn, "", null, ct, ApplicationSteps.ByMember);
    }
}