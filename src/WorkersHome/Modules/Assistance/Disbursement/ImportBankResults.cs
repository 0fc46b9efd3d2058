using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Assistance.Disbursement;

/// <summary>One line of the bank's result file: the payment, whether it was paid, and the bank's reason when not.</summary>
public sealed record PaymentResult(long PaymentId, bool Paid, string? Reason);

/// <summary>What a results file did: payments the bank credited, and payments it returned (held again to retry or cancel).</summary>
public sealed record ResultsImport(int Paid, int Failed);

/// <summary>
/// The bank's results for a sent batch. Every line is checked first (a wrong line is named and nothing is kept);
/// then credited payments become paid (the ledger booked them when sent) and returned ones are held again. A batch
/// may take several results files (the bank reports late lines later); importing the same results twice changes nothing.
/// </summary>
public sealed class ImportBankResults(AppDbContext db, DisbursementSteps steps, FundLedger ledger, AuditTrail audit)
{
    public async Task<ResultsImport> ExecuteAsync(long batchId, IReadOnlyList<PaymentResult> results, CancellationToken ct)
    {
        var batch = await steps.BatchAsync(batchId, ct);
        if (!batch.TakesResults)
        {
            throw new ConflictException(Loc.T("批次尚未发送银行，不能导入结果", "The batch has not been sent; there are no results to import"));
        }

        var payments = await db.Payments.AsNoTracking().Where(p => p.BatchId == batchId).ToDictionaryAsync(p => p.Id, ct);
        var errors = new FieldErrors();
        for (var i = 0; i < results.Count; i++)
        {
            var row = results[i];
            if (!payments.ContainsKey(row.PaymentId))
            {
                errors.Add($"rows[{i}]", $"第 {i + 1} 行：付款编号 {row.PaymentId} 不属于本批次", $"Row {i + 1}: payment {row.PaymentId} is not in this batch");
            }
            else if (!row.Paid && string.IsNullOrWhiteSpace(row.Reason))
            {
                errors.Add($"rows[{i}]", $"第 {i + 1} 行：支付失败须注明银行退回原因", $"Row {i + 1}: give the bank's reason for a failed payment");
            }
        }

        errors.ThrowIfAny();
        var failed = results.Where(r => !r.Paid && payments[r.PaymentId].Status == PaymentStatus.Sent).DistinctBy(r => r.PaymentId).ToList();
        var credited = results.Where(r => r.Paid && payments[r.PaymentId].Status == PaymentStatus.Sent).Select(r => r.PaymentId).Distinct().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var paid = 0;
        foreach (var slice in credited.Chunk(SendBatch.SendChunk))
        {
            // Only payments still sent: one reversed or failed meanwhile keeps that later, deliberate state.
            paid += await db.Payments.Where(x => slice.Contains(x.Id) && x.BatchId == batchId && x.Status == PaymentStatus.Sent)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, PaymentStatus.Paid), ct);
        }

        var count = 0;
        foreach (var row in failed)
        {
            var p = payments[row.PaymentId];
            var reason = row.Reason!.Trim()[..Math.Min(row.Reason.Trim().Length, 200)];
            if (await db.Payments.Where(x => x.Id == p.Id && x.Status == PaymentStatus.Sent && x.Attempt == p.Attempt)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, PaymentStatus.Failed).SetProperty(x => x.FailureReason, reason), ct) == 0)
            {
                continue;
            }

            await ledger.TrySettleAsync(p.BudgetId, -p.Amount, ct);
            ledger.Book(p.ProgramId, p.BudgetId, p.ApplicationId, FundEntryKind.PaymentFailed, p.Amount, $"fail:{p.Id}:{p.Attempt}");
            count++;
        }

        await db.PaymentBatches.Where(b => b.Id == batchId && b.Status == BatchStatus.Sent)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BatchStatus.ResultsImported).SetProperty(b => b.Version, b => b.Version + 1), ct);
        audit.Record(DisbursementAuditActions.ResultsImported, "payment-batch", batch.Id.ToString(), batch.OrgPath, new { rows = results.Count, paid, failed = count });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ResultsImport(paid, count);
    }
}