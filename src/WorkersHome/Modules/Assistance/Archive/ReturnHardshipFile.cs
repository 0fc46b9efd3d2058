using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Assistance.Archive;

/// <summary>Sends a file back with reasons, from the union's check or from the approving level; the member is told why.</summary>
public sealed class ReturnHardshipFile(HardshipFileSteps steps, HardshipDecisionRules rules)
{
    public async Task ExecuteAsync(Guid fileId, FileDecision decision, CancellationToken ct)
    {
        var reason = HardshipFileSteps.RequireReason(decision.Reason, "请填写退回原因", "Give the reason for returning the file");
        var file = await steps.FindAsync(fileId, HardshipStepKind.Returned, decision.Version, ct);
        if (file.Status == HardshipStatus.Proposed)
        {
            await rules.EnsureApprovingLevelAsync(file, ct);
        }

        file.Return();
        await steps.NotifyAsync(file, Loc.T("困难职工建档申请被退回", "Hardship file returned"),
            Loc.T($"您的困难职工建档申请被退回，原因：{reason}。请修改后重新提交。", $"Your hardship file was returned: {reason}. Please correct it and file again."), ct);
        await steps.SaveAsync(file, decision.Version, HardshipStepKind.Returned, HardshipFileSteps.ThreeChecksText(file), reason, ct);
    }
}