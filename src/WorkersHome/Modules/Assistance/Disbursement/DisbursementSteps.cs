using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Assistance.Disbursement;

public sealed record PaymentAction(string? Reason);

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
/// What the disbursement use cases share. Each money step is a conditional update of the payment's status (from the
/// statuses <see cref="Payment.Transitions"/> allows) plus ledger entries keyed by payment and attempt, in one
/// transaction, so that a double click, a retried request, two finance officers at once, or a crash half-way through a
/// batch never pays anyone twice and never loses a payment (docs/adr/0009).
/// </summary>
public sealed class DisbursementSteps(AppDbContext db)
{
    public async Task<Payment> PaymentAsync(long paymentId, CancellationToken ct) =>
        await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId, ct) ?? throw new NotFoundException();

    public async Task<PaymentBatch> BatchAsync(long batchId, CancellationToken ct) =>
        await db.PaymentBatches.FirstOrDefaultAsync(b => b.Id == batchId, ct) ?? throw new NotFoundException();

    /// <summary>Saves inside the caller's transaction; any failure ends it, so no savepoint is needed while the locks are held.</summary>
    public Task SaveWithoutSavepointAsync(CancellationToken ct) => db.WithoutSavepointsAsync(() => db.SaveChangesAsync(ct));

    /// <summary>
    /// After a conditional update that moved nothing: fine when a twin request (a double click, a second officer) has
    /// just brought the payment where this one wanted it; else refused, naming the payment's status.
    /// </summary>
    public async Task EnsureAlreadyAsync(long paymentId, PaymentStatus wanted, LocalizedText refusal, CancellationToken ct) =>
        Payment.EnsureAlready(await db.Payments.AsNoTracking().Where(p => p.Id == paymentId).Select(p => p.Status).FirstAsync(ct), wanted, refusal);

    /// <summary>
    /// Moves a payment to <paramref name="to"/> with the reason for it, from the statuses the state table allows (and,
    /// given an attempt, only while the payment is at that attempt): true when this request moved it; false when a twin
    /// request had just done so; else refused (409) naming the payment's status.
    /// </summary>
    public async Task<bool> MoveAsync(long paymentId, PaymentStatus to, string reason, int? attempt, LocalizedText refusal, CancellationToken ct)
    {
        var from = Payment.MovableTo(to);
        var moved = await db.Payments.Where(p => p.Id == paymentId && from.Contains(p.Status) && (attempt == null || p.Attempt == attempt))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, to).SetProperty(p => p.FailureReason, reason), ct);
        if (moved == 0)
        {
            await EnsureAlreadyAsync(paymentId, to, refusal, ct);
        }

        return moved == 1;
    }

    public static string RequireReason(PaymentAction action, string zh, string en)
    {
        if (string.IsNullOrWhiteSpace(action.Reason))
        {
            new FieldErrors().Add(nameof(PaymentAction.Reason), zh, en).ThrowIfAny();
        }

        return action.Reason!.Trim()[..Math.Min(action.Reason.Trim().Length, 190)];
    }
}