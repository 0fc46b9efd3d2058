using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Archive;

public sealed record ThreeChecks(int Version, bool Family, bool Cause, bool Needs);

/// <summary>The grassroots union records the 三清 check: family situation, cause and needs, each confirmed or not.</summary>
public sealed class CheckHardshipFile(HardshipFileSteps steps, CurrentCadre cadre)
{
    public async Task ExecuteAsync(Guid fileId, ThreeChecks checks, CancellationToken ct)
    {
        var file = await steps.FindAsync(fileId, HardshipStepKind.Checked, checks.Version, ct);
        file.Check(checks.Family, checks.Cause, checks.Needs, cadre.UserName);
        await steps.SaveAsync(file, checks.Version, HardshipStepKind.Checked, HardshipFileSteps.ThreeChecksText(file), null, ct);
    }
}