using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Assistance.Disbursement;

/// <summary>
/// Undoes a payment booked paid (冲正; sent, or reported paid by the bank), e.g. money the bank returned days after
/// reporting it paid: the amount is held
/// again and the payment waits to be retried or cancelled. Reversing it again changes nothing.
/// </summary>
public sealed class ReversePayment(AppDbContext db, DisbursementSteps steps, FundLedger ledger, AuditTrail audit)
{
    public async Task ExecuteAsync(long paymentId, PaymentAction action, CancellationToken ct)
    {
        var payment = await steps.PaymentAsync(paymentId, ct);
        var reason = DisbursementSteps.RequireReason(action, "请填写冲正原因（如：银行退汇、收款账户已销户）", "Give the reason for the reversal (e.g. the bank returned the money)");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await steps.MoveAsync(paymentId, PaymentStatus.Reversed, reason, payment.Attempt,
                new("只有已发送银行或已到账的款项可以冲正", "Only a payment sent to the bank or paid can be reversed"), ct))
        {
            return;
        }

        if (!await ledger.TrySettleAsync(payment.BudgetId, -payment.Amount, ct))
        {
            throw new InvalidOperationException($"Budget {payment.BudgetId} has less paid than payment {payment.Id}: the ledger and the budget disagree.");
        }

        ledger.Book(payment.ProgramId, payment.BudgetId, payment.ApplicationId, FundEntryKind.Reversed, payment.Amount, $"reverse:{payment.Id}:{payment.Attempt}");
        audit.Record(DisbursementAuditActions.PaymentReversed, "payment", paymentId.ToString(), payment.OrgPath, new { payment.Amount, payment.Attempt, reason });
        await steps.SaveWithoutSavepointAsync(ct);
        await transaction.CommitAsync(ct);
    }
}