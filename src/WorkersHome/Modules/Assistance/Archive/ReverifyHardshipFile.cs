using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Statistics;

namespace WorkersHome.Modules.Assistance.Archive;

public sealed record ReviewDecision(int Version, string? Reason, HardshipForm? Form);

/// <summary>The annual review: the household is still in hardship; its situation may be updated at the same time.</summary>
public sealed class ReverifyHardshipFile(AppDbContext db, HardshipDetailsCipher details, HardshipFileSteps steps)
{
    public async Task ExecuteAsync(Guid fileId, ReviewDecision decision, CancellationToken ct)
    {
        var file = await steps.FindAsync(fileId, HardshipStepKind.Reverified, decision.Version, ct);
        if (decision.Form is { } form)
        {
            var valid = HardshipFormRules.Validate(form);
            if (valid.PrimaryCause != file.PrimaryCause)
            {
                db.Counters.Move(file.OrgPath, Metrics.HardshipHouseholds, (int)file.PrimaryCause, (int)valid.PrimaryCause);
            }

            details.Describe(file, valid);
        }

        file.Reverify(steps.NextReviewDueOn);
        await steps.SaveAsync(file, decision.Version, HardshipStepKind.Reverified, steps.IncomeText(file), HardshipFileSteps.Trim(decision.Reason), ct);
    }
}