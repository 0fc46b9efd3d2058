using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

using static WorkersHome.Modules.Assistance.Programs.ProgramNames;

namespace WorkersHome.Modules.Assistance.Disbursement;

public sealed record BatchDecision(int Version);

/// <summary>
/// Finance confirms the batch's list and total; at or above the dual-control amount, not the one who compiled it.
/// Confirming a confirmed batch again changes nothing.
/// </summary>
public sealed class ConfirmBatch(AppDbContext db, DisbursementSteps steps, AuditTrail audit, CurrentCadre cadre, TimeProvider clock, DisbursementOptions options)
{
    public async Task ExecuteAsync(long batchId, BatchDecision decision, CancellationToken ct)
    {
        var batch = await steps.BatchAsync(batchId, ct);
        if (batch.Status != BatchStatus.Draft)
        {
            return;
        }

        if (WhyNotConfirm(batch.CreatedBy, batch.Total) is { } refusal)
        {
            throw new ForbiddenException(refusal.ToString());
        }

        if (batch.Version != decision.Version)
        {
            throw new ConflictException(Loc.T("该批次已变化，请刷新后再办理", "The batch changed meanwhile; reload it"));
        }

        batch.Confirm(cadre.UserName, clock.GetUtcNow());
        audit.Record(DisbursementAuditActions.BatchConfirmed, "payment-batch", batch.Id.ToString(), batch.OrgPath,
            new { batch.ItemCount, batch.Total, compiledBy = batch.CreatedBy, dualControl = options.NeedsSecondPerson(batch.Total) });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another finance officer confirmed it at the same moment: it is confirmed once, which is what both asked.
            db.ChangeTracker.Clear();
            if ((await steps.BatchAsync(batchId, ct)).Status == BatchStatus.Draft)
            {
                throw new ConflictException(Loc.T("该批次已变化，请刷新后再办理", "The batch changed meanwhile; reload it"));
            }
        }
    }

    /// <summary>
    /// Why the signed-in cadre may not confirm this draft batch, or null when they may: at or above the dual-control
    /// amount the one who compiled it needs a second finance officer (separation of duties).
    /// </summary>
    public LocalizedText? WhyNotConfirm(string createdBy, decimal total) =>
        options.NeedsSecondPerson(total) && string.Equals(createdBy, cadre.UserName, StringComparison.OrdinalIgnoreCase)
            ? new LocalizedText($"本批次由您编制，合计 {Yuan(total)} 元，须由另一名财务人员确认（双人复核）",
                $"You compiled this batch of {Yuan(total)} yuan; another finance officer must confirm it (dual control)")
            : null;
}