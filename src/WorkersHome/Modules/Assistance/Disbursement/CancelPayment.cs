using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Assistance.Disbursement;

/// <summary>Gives up a failed, reversed or unbatched payment: its hold goes back to the budget.</summary>
public sealed class CancelPayment(AppDbContext db, DisbursementSteps steps, FundLedger ledger, AuditTrail audit)
{
    public async Task ExecuteAsync(long paymentId, PaymentAction action, CancellationToken ct)
    {
        var payment = await steps.PaymentAsync(paymentId, ct);
        var reason = DisbursementSteps.RequireReason(action, "请填写取消支付的原因", "Give the reason for cancelling");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await steps.MoveAsync(paymentId, PaymentStatus.Cancelled, reason, null, new("该款项不能取消", "This payment cannot be cancelled"), ct))
        {
            return;
        }

        await ledger.TryReleaseAsync(payment.BudgetId, payment.Amount, ct);
        ledger.Book(payment.ProgramId, payment.BudgetId, payment.ApplicationId, FundEntryKind.Released, payment.Amount, $"release:{payment.Id}");
        audit.Record(DisbursementAuditActions.PaymentCancelled, "payment", paymentId.ToString(), payment.OrgPath, new { payment.Amount, reason });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}