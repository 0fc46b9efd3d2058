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
    public async Task EnsureAlreadyAsync(long paymentId, PaymentStatus wanted, string zh, string en, CancellationToken ct) =>
        Payment.EnsureAlready(await db.Payments.AsNoTracking().Where(p => p.Id == paymentId).Select(p => p.Status).FirstAsync(ct), wanted, new LocalizedText(zh, en));

    public static string RequireReason(PaymentAction action, string zh, string en)
    {
        if (string.IsNullOrWhiteSpace(action.Reason))
        {
            new FieldErrors().Add(nameof(PaymentAction.Reason), zh, en).ThrowIfAny();
        }

        return action.Reason!.Trim()[..Math.Min(action.Reason.Trim().Length, 190)];
    }
}