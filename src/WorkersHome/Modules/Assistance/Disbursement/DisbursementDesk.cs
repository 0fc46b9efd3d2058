using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

using static WorkersHome.Modules.Assistance.Programs.ProgramNames;

namespace WorkersHome.Modules.Assistance.Disbursement;

public sealed record NewBatch(long ProgramId, long OrgId, Guid RequestKey);

public sealed record BatchDecision(int Version);

/// <summary>One line of the bank's result file: the payment, whether it was paid, and the bank's reason when not.</summary>
public sealed record PaymentResult(long PaymentId, bool Paid, string? Reason);

public sealed record PaymentAction(string? Reason);

/// <summary>What a results file did: payments the bank credited, and payments it returned (held again to retry or cancel).</summary>
public sealed record ResultsImport(int Paid, int Failed);

public static class DisbursementAuditActions
{
    public const string BatchCreated = "assistance.batch-created";
    public const string BatchConfirmed = "assistance.batch-confirmed";
    public const string BatchSent = "assistance.batch-sent";
    public const string BankFileExported = "assistance.bank-file-exported";
    public const string ResultsImported = "assistance.results-imported";
    public const string PaymentRetried = "assistance.payment-retried";
    public const string PaymentCancelled = "assistance.payment-cancelled";
    public const string PaymentReversed = "assistance.payment-reversed";
}

/// <summary>
/// Disbursement (代发): approved payments go into batches per program and union; a finance officer compiles a batch,
/// another confirms it (at or above the dual-control amount), and it is sent, which books every payment paid in the
/// ledger and makes the bank file; the members see "sent to the bank" until the bank's results come back: credited
/// payments are then paid, returned ones are held again and are retried or cancelled. Each money step is a conditional update of the payment's status plus
/// ledger entries keyed by payment and attempt, in one transaction, so a double click, a retried request, two finance
/// officers at once, or a crash half-way through a batch never pays anyone twice and never loses a payment.
/// </summary>
public sealed class DisbursementDesk(AppDbContext db, ProgramDesk programs, IOrgDirectory orgs, FundLedger ledger, AuditTrail audit, CurrentCadre cadre,
    TimeProvider clock, DisbursementOptions options)
{
    public const int MaxBatchSize = 5_000;
    public const int SendChunk = 500;

    public async Task<PaymentBatch> CreateBatchAsync(NewBatch request, CancellationToken ct)
    {
        var program = await programs.VisibleAsync(request.ProgramId, ct);
        var org = await orgs.FindInScopeAsync(request.OrgId, ct);
        if (org is null || !org.Path.StartsWith(program.OrgPath, StringComparison.Ordinal))
        {
            throw new NotFoundException();
        }

        if (await db.PaymentBatches.AsNoTracking().FirstOrDefaultAsync(b => b.RequestKey == request.RequestKey, ct) is { } made)
        {
            return made;
        }

        var path = org.Path;
        var ids = await db.Payments.Where(p => p.ProgramId == program.Id && p.Status == PaymentStatus.Pending && p.OrgPath.StartsWith(path))
            .OrderBy(p => p.Id).Select(p => p.Id).Take(MaxBatchSize).ToListAsync(ct);
        if (ids.Count == 0)
        {
            throw new ConflictException(Loc.T($"{org.Name}在本项目下没有待编批的支付", $"{org.Name} has no payments waiting for a batch in this program"));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var batch = new PaymentBatch
        {
            ProgramId = program.Id,
            OrgId = org.Id,
            OrgPath = org.Path,
            OrgName = org.Name,
            Status = BatchStatus.Draft,
            RequestKey = request.RequestKey,
            CreatedBy = cadre.UserName,
            CreatedAt = clock.GetUtcNow(),
            Version = 1,
        };
        db.PaymentBatches.Add(batch);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A twin of this request made the batch first.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await db.PaymentBatches.AsNoTracking().FirstAsync(b => b.RequestKey == request.RequestKey, ct);
        }

        // Each payment joins one batch only: another batch made at the same moment takes the rest.
        await db.Payments.Where(p => ids.Contains(p.Id) && p.Status == PaymentStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.InBatch).SetProperty(p => p.BatchId, batch.Id), ct);
        var totals = await db.Payments.Where(p => p.BatchId == batch.Id).GroupBy(p => 1).Select(g => new { Count = g.Count(), Total = g.Sum(p => p.Amount) }).FirstOrDefaultAsync(ct);
        if (totals is null)
        {
            throw new ConflictException(Loc.T("这些支付已被另一批次编入，请刷新后再办理", "Another batch took these payments meanwhile; reload"));
        }

        (batch.ItemCount, batch.Total) = (totals.Count, totals.Total);
        audit.Record(DisbursementAuditActions.BatchCreated, "payment-batch", batch.Id.ToString(), batch.OrgPath, new { batch.ProgramId, batch.ItemCount, batch.Total });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return batch;
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

    /// <summary>
    /// Finance confirms the batch's list and total; at or above the dual-control amount, not the one who compiled it.
    /// Confirming a confirmed batch again changes nothing.
    /// </summary>
    public async Task ConfirmAsync(long batchId, BatchDecision decision, CancellationToken ct)
    {
        var batch = await FindAsync(batchId, ct);
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

        (batch.Status, batch.ConfirmedBy, batch.ConfirmedAt, batch.Version) = (BatchStatus.Confirmed, cadre.UserName, clock.GetUtcNow(), batch.Version + 1);
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
            if ((await FindAsync(batchId, ct)).Status == BatchStatus.Draft)
            {
                throw new ConflictException(Loc.T("该批次已变化，请刷新后再办理", "The batch changed meanwhile; reload it"));
            }
        }
    }

    /// <summary>
    /// Sends a confirmed batch: in chunks, marks its payments sent and books them paid in the ledger. Safe to run twice at once and to run
    /// again after a crash: each chunk takes only payments still waiting, and books exactly the ones it took.
    /// </summary>
    public async Task<int> SendAsync(long batchId, CancellationToken ct)
    {
        var batch = await FindAsync(batchId, ct);
        if (batch.Status == BatchStatus.Draft)
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
                await SaveWithoutSavepointAsync(ct);
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

        await SaveWithoutSavepointAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return mine.Count;
    }

    /// <summary>
    /// The bank's results for a sent batch. Every line is checked first (a wrong line is named and nothing is kept);
    /// then credited payments become paid (the ledger booked them when sent) and returned ones are held again. A batch
    /// may take several results files (the bank reports late lines later); importing the same results twice changes nothing.
    /// </summary>
    public async Task<ResultsImport> ImportResultsAsync(long batchId, IReadOnlyList<PaymentResult> results, CancellationToken ct)
    {
        var batch = await FindAsync(batchId, ct);
        if (batch.Status is not (BatchStatus.Sent or BatchStatus.ResultsImported))
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
        foreach (var slice in credited.Chunk(SendChunk))
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

    /// <summary>
    /// Undoes a payment booked paid (冲正; sent, or reported paid by the bank), e.g. money the bank returned days after
    /// reporting it paid: the amount is held
    /// again and the payment waits to be retried or cancelled. Reversing it again changes nothing.
    /// </summary>
    public async Task ReverseAsync(long paymentId, PaymentAction action, CancellationToken ct)
    {
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId, ct) ?? throw new NotFoundException();
        var reason = RequireReason(action, "请填写冲正原因（如：银行退汇、收款账户已销户）", "Give the reason for the reversal (e.g. the bank returned the money)");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var reversed = await db.Payments.Where(p => p.Id == paymentId && (p.Status == PaymentStatus.Sent || p.Status == PaymentStatus.Paid) && p.Attempt == payment.Attempt)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Reversed).SetProperty(p => p.FailureReason, reason), ct);
        if (reversed == 0)
        {
            await EnsureAlreadyAsync(paymentId, PaymentStatus.Reversed, "只有已发送银行或已到账的款项可以冲正", "Only a payment sent to the bank or paid can be reversed", ct);
            return;
        }

        if (!await ledger.TrySettleAsync(payment.BudgetId, -payment.Amount, ct))
        {
            throw new InvalidOperationException($"Budget {payment.BudgetId} has less paid than payment {payment.Id}: the ledger and the budget disagree.");
        }

        ledger.Book(payment.ProgramId, payment.BudgetId, payment.ApplicationId, FundEntryKind.Reversed, payment.Amount, $"reverse:{payment.Id}:{payment.Attempt}");
        audit.Record(DisbursementAuditActions.PaymentReversed, "payment", paymentId.ToString(), payment.OrgPath, new { payment.Amount, payment.Attempt, reason });
        await SaveWithoutSavepointAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>A failed or reversed payment goes back to wait for the next batch, as its next attempt.</summary>
    public async Task RetryAsync(long paymentId, CancellationToken ct)
    {
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId, ct) ?? throw new NotFoundException();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var moved = await db.Payments.Where(p => p.Id == paymentId && (p.Status == PaymentStatus.Failed || p.Status == PaymentStatus.Reversed) && p.Attempt == payment.Attempt)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Pending).SetProperty(p => p.BatchId, (long?)null)
                .SetProperty(p => p.Attempt, p => p.Attempt + 1).SetProperty(p => p.SendToken, (Guid?)null), ct);
        if (moved == 0)
        {
            await EnsureAlreadyAsync(paymentId, PaymentStatus.Pending, "只有支付失败或已冲正的款项可以重新支付", "Only a failed or reversed payment can be retried", ct);
            return;
        }

        audit.Record(DisbursementAuditActions.PaymentRetried, "payment", paymentId.ToString(), payment.OrgPath, new { payment.Attempt });
        await SaveWithoutSavepointAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Gives up a failed, reversed or unbatched payment: its hold goes back to the budget.</summary>
    public async Task CancelAsync(long paymentId, PaymentAction action, CancellationToken ct)
    {
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId, ct) ?? throw new NotFoundException();
        var reason = RequireReason(action, "请填写取消支付的原因", "Give the reason for cancelling");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var cancelled = await db.Payments
            .Where(p => p.Id == paymentId && (p.Status == PaymentStatus.Failed || p.Status == PaymentStatus.Reversed || p.Status == PaymentStatus.Pending))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Cancelled).SetProperty(p => p.FailureReason, reason), ct);
        if (cancelled == 0)
        {
            await EnsureAlreadyAsync(paymentId, PaymentStatus.Cancelled, "该款项不能取消", "This payment cannot be cancelled", ct);
            return;
        }

        await ledger.TryReleaseAsync(payment.BudgetId, payment.Amount, ct);
        ledger.Book(payment.ProgramId, payment.BudgetId, payment.ApplicationId, FundEntryKind.Released, payment.Amount, $"release:{payment.Id}");
        audit.Record(DisbursementAuditActions.PaymentCancelled, "payment", paymentId.ToString(), payment.OrgPath, new { payment.Amount, reason });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Saves inside the caller's transaction; any failure ends it, so no savepoint is needed while the locks are held.</summary>
    private Task SaveWithoutSavepointAsync(CancellationToken ct) => db.WithoutSavepointsAsync(() => db.SaveChangesAsync(ct));

    /// <summary>
    /// After a conditional update that moved nothing: fine when a twin request (a double click, a second officer) has
    /// just brought the payment where this one wanted it; else refused, naming the payment's status.
    /// </summary>
    private async Task EnsureAlreadyAsync(long paymentId, PaymentStatus wanted, string zh, string en, CancellationToken ct)
    {
        var now = await db.Payments.AsNoTracking().Where(p => p.Id == paymentId).Select(p => p.Status).FirstAsync(ct);
        if (now != wanted)
        {
            throw new ConflictException(Loc.T($"{zh}（当前：{Payment.StatusLabel(now).Zh}）", $"{en} (now: {Payment.StatusLabel(now).En})"));
        }
    }

    private static string RequireReason(PaymentAction action, string zh, string en)
    {
        if (string.IsNullOrWhiteSpace(action.Reason))
        {
            new FieldErrors().Add(nameof(PaymentAction.Reason), zh, en).ThrowIfAny();
        }

        return action.Reason!.Trim()[..Math.Min(action.Reason.Trim().Length, 190)];
    }

    private async Task<PaymentBatch> FindAsync(long batchId, CancellationToken ct) =>
        await db.PaymentBatches.FirstOrDefaultAsync(b => b.Id == batchId, ct) ?? throw new NotFoundException();
}