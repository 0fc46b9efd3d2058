using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Statistics;

namespace WorkersHome.Modules.Assistance.Archive;

/// <summary>
/// The approving level takes a proposed file into the archive: not the cadre who proposed it, and with a reason where
/// the household's income is above the hardship line. The member joins the hardship group and is told.
/// </summary>
public sealed class ApproveHardshipFile(AppDbContext db, IMemberGroupMarker groups, HardshipFileSteps steps, HardshipDecisionRules rules)
{
    public async Task ExecuteAsync(Guid fileId, FileDecision decision, CancellationToken ct)
    {
        var file = await steps.FindAsync(fileId, HardshipStepKind.Approved, decision.Version, ct);
        await rules.EnsureApprovingLevelAsync(file, ct);
        rules.EnsureNotProposer(file);
        var (belowLine, income) = steps.Income(file);
        if (!belowLine && string.IsNullOrWhiteSpace(decision.Reason))
        {
            new FieldErrors().Add(nameof(FileDecision.Reason), "家庭人均收入高于困难标准，批准时须说明特殊困难", "Income is above the hardship line: give the reason for approving").ThrowIfAny();
        }

        file.Approve(steps.Today, steps.NextReviewDueOn);
        await groups.SetAsync(file.MemberId, MemberGroups.Hardship, true, "困难职工档案审批通过", ct);
        db.Counters.Add(file.OrgPath, Metrics.HardshipHouseholds, (int)file.PrimaryCause);
        await steps.NotifyAsync(file, Loc.T("困难职工档案已建立", "Hardship file approved"),
            Loc.T($"您的困难职工建档申请已审批通过，下次复核时间为 {file.ReviewDueOn:yyyy-MM-dd}。工会将与您联系帮扶事宜。",
                $"Your hardship file is approved; it is next reviewed on {file.ReviewDueOn:yyyy-MM-dd}. The union will contact you."), ct);
        await steps.SaveAsync(file, decision.Version, HardshipStepKind.Approved, income, HardshipFileSteps.Trim(decision.Reason), ct);
    }
}