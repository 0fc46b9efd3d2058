using WorkersHome.Modules.Assistance.Disbursement;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Assistance.Applications;

/// <summary>
/// Where an approved application's money is, as its applicant reads it: only money the bank reported credited is "paid";
/// money sent and not yet confirmed, or returned by the bank, says so and says what happens next.
/// </summary>
public sealed record PayoutView(PaymentStatus Status, string Label, string? Note, bool Returned)
{
    public static PayoutView Of(PaymentStatus status, string? reason) => status switch
    {
        PaymentStatus.Pending or PaymentStatus.InBatch => new(status, Loc.T("待发放", "Waiting to be paid"), null, false),
        PaymentStatus.Sent => new(status, Loc.T("已发送银行，待到账", "Sent to the bank, not yet credited"),
            Loc.T("银行处理后到账，以银行到账为准。", "It reaches your account once the bank has processed it."), false),
        PaymentStatus.Paid => new(status, Loc.T("已到账", "Paid"), null, false),
        PaymentStatus.Failed or PaymentStatus.Reversed => new(status, Loc.T("银行退回，尚未到账", "Returned by the bank, not paid yet"),
            Loc.T($"银行退回：{reason}。工会将核实后重新发放，如收款账户有误请联系所在工会。",
                $"Returned by the bank: {reason}. Your union will check and pay again; if your account details are wrong, contact your union."), true),
        _ => new(status, Loc.T("已取消发放", "Payout cancelled"), reason is null ? null : Loc.T($"原因：{reason}", $"Reason: {reason}"), false),
    };
}