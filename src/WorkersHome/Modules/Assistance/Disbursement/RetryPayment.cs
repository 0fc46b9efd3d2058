using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Assistance.Disbursement;

/// <summary>A failed or reversed payment goes back to wait for the next batch, as its next attempt.</summary>
public sealed class RetryPayment(AppDbContext db, DisbursementSteps steps, AuditTrail audit)
{
    public async Task ExecuteAsync(long paymentId, CancellationToken ct)
    {
        var payment = await steps.PaymentAsync(paymentId, ct);
        var from = Payment.MovableTo(PaymentStatus.Pending);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var moved = await db.Payments.Where(p => p.Id == paymentId && from.Contains(p.Status) && p.Attempt == payment.Attempt)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Pending).SetProperty(p => p.BatchId, (long?)null)
                .SetProperty(p => p.Attempt, p => p.Attempt + 1).SetProperty(p => p.SendToken, (Guid?)null), ct);
        if (moved == 0)
        {
            await steps.EnsureAlreadyAsync(paymentId, PaymentStatus.Pending, new("只有支付失败或已冲正的款项可以重新支付", "Only a failed or reversed payment can be retried"), ct);
            return;
        }

        audit.Record(DisbursementAuditActions.PaymentRetried, "payment", paymentId.ToString(), payment.OrgPath, new { payment.Attempt });
        await steps.SaveWithoutSavepointAsync(ct);
        await transaction.CommitAsync(ct);
    }
}