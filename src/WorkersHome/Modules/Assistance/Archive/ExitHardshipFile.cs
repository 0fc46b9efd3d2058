using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Statistics;

namespace WorkersHome.Modules.Assistance.Archive;

/// <summary>脱困: the household leaves the archive with a reason, and the member the hardship group.</summary>
public sealed class ExitHardshipFile(AppDbContext db, IMemberGroupMarker groups, HardshipFileSteps steps)
{
    public async Task ExecuteAsync(Guid fileId, FileDecision decision, CancellationToken ct)
    {
        var reason = HardshipFileSteps.RequireReason(decision.Reason, "请填写脱困原因", "Give the reason for leaving the archive");
        var file = await steps.FindAsync(fileId, HardshipStepKind.Exited, decision.Version, ct);
        file.Exit(steps.Today);
        await groups.SetAsync(file.MemberId, MemberGroups.Hardship, false, "困难职工脱困退档", ct);
        db.Counters.Add(file.OrgPath, Metrics.HardshipHouseholds, (int)file.PrimaryCause, -1);
        await steps.SaveAsync(file, decision.Version, HardshipStepKind.Exited, "", reason, ct);
    }
}