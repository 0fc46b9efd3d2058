using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Assistance.Disbursement;

/// <summary>
/// Sends a confirmed batch: in chunks, marks its payments sent and books them paid in the ledger. Safe to run twice at once and to run
/// again after a crash: each chunk takes only payments still waiting, and books exactly the ones it took.
/// </summary>
public sealed class SendBatch(AppDbContext db, DisbursementSteps steps, FundLedger ledger, AuditTrail audit, TimeProvider clock)
{
    public const int SendChunk = 500;

    public async Task<int> ExecuteAsync(long batchId, CancellationToken ct)
    {
        var batch = await steps.BatchAsync(batchId, ct);
        if (!batch.MaySend)
        {
            throw new ConflictException(Loc.T("批次须先由财务确认，才能发送", "Finance must confirm the batch before it is sent"));
        }

        var sent = 0;
        while (true)
        {
            var ids = await db.Payments.AsNoTracking().Where(p => p.BatchId == batchId && p.Status == PaymentStatus.InBatch)
                .OrderBy(p => p.Id).Select(p => p.Id).Take(SendChunk).ToListAsync(ct);
            if (ids.Count == 0)
            {
                break;
            }

            sent += await SendChunkAsync(batch, ids, ct);
        }

        if (batch.Status == BatchStatus.Confirmed)
        {
            // The mark and its audit row commit together: a crash between them would leave a sent batch that no resumed
            // run records, since the resumed run finds it marked already.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var marked = await db.PaymentBatches.Where(b => b.Id == batchId && b.Status == BatchStatus.Confirmed)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BatchStatus.Sent).SetProperty(b => b.SentAt, clock.GetUtcNow()).SetProperty(b => b.Version, b => b.Version + 1), ct);
            if (marked == 1)
            {
                audit.Record(DisbursementAuditActions.BatchSent, "payment-batch", batch.Id.ToString(), batch.OrgPath, new { batch.ItemCount, batch.Total });
                await steps.SaveWithoutSavepointAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }

        return sent;
    }

    private async Task<int> SendChunkAsync(PaymentBatch batch, List<long> ids, CancellationToken ct)
    {
        var token = Guid.NewGuid();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Payments.Where(p => ids.Contains(p.Id) && p.BatchId == batch.Id && p.Status == PaymentStatus.InBatch)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Sent).SetProperty(p => p.PaidAt, now).SetProperty(p => p.SendToken, token), ct);
        // Looked up among the chunk's ids (the primary key), which hold every row this run marked: the token has no index.
        var mine = await db.Payments.AsNoTracking().Where(p => ids.Contains(p.Id) && p.SendToken == token).Select(p => new { p.Id, p.BudgetId, p.Amount, p.Attempt, p.ApplicationId }).ToListAsync(ct);
        foreach (var budget in mine.GroupBy(p => p.BudgetId))
        {
            if (!await ledger.TrySettleAsync(budget.Key, budget.Sum(p => p.Amount), ct))
            {
                throw new InvalidOperationException($"Budget {budget.Key} holds less than the payments sent from it: the ledger and the budget disagree.");
            }
        }

        foreach (var p in mine)
        {
            ledger.Book(batch.ProgramId, p.BudgetId, p.ApplicationId, FundEntryKind.Paid, p.Amount, $"pay:{p.Id}:{p.Attempt}");
        }

        await steps.SaveWithoutSavepointAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return mine.Count;
    }
}