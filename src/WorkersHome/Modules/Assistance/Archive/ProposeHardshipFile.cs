using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Archive;

/// <summary>The grassroots union proposes a file whose 三清 are all confirmed to the approving level.</summary>
public sealed class ProposeHardshipFile(HardshipFileSteps steps, CurrentCadre cadre)
{
    public async Task ExecuteAsync(Guid fileId, FileDecision decision, CancellationToken ct)
    {
        var file = await steps.FindAsync(fileId, HardshipStepKind.Proposed, decision.Version, ct);
        file.Propose(cadre.UserName);
        await steps.SaveAsync(file, decision.Version, HardshipStepKind.Proposed, steps.IncomeText(file), HardshipFileSteps.Trim(decision.Reason), ct);
    }
}