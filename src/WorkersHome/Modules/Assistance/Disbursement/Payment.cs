using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence.OrgOwnership;

namespace WorkersHome.Modules.Assistance.Disbursement;

public enum PaymentStatus
{
    /// <summary>Approved; waits to be put into a batch.</summary>
    Pending = 1,

    /// <summary>In a batch that finance has not sent yet.</summary>
    InBatch = 2,

    /// <summary>
    /// Sent to the bank in a payment file (已发送银行): booked paid in the fund ledger, since the bank debits the whole batch
    /// from the union's account when it takes the file; not yet confirmed to the member until the bank's results come back.
    /// </summary>
    Sent = 3,

    /// <summary>The bank returned it (wrong account, closed account …): the money is held again until retried or cancelled.</summary>
    Failed = 4,

    /// <summary>Given up: the hold is released back to the budget.</summary>
    Cancelled = 5,

    /// <summary>
    /// Booked paid, then undone (冲正): the bank returned the money after reporting it paid, or it was recovered. The
    /// money is held again, like a failed payment, until retried or cancelled.
    /// </summary>
    Reversed = 6,

    /// <summary>The bank's results report it credited to the payee (已到账). No ledger step: it was booked paid when sent.</summary>
    Paid = 7,
}

/// <summary>
/// One payment of an approved application to the applicant's bank account. Created with the approval; goes into a
/// batch, is sent in the batch's bank file, and comes back paid or failed. Every money step is a fund-ledger entry
/// whose key names the payment and its attempt, so no step is booked twice.
/// </summary>
[OrgOwned(WhenUnionMoves.StaysWithActingOrg)]
public sealed class Payment
{
    public long Id { get; set; }

    public Guid ApplicationId { get; set; }

    public long ProgramId { get; set; }

    public long BudgetId { get; set; }

    public long OrgId { get; set; }

    public string OrgPath { get; set; } = "";

    public Guid MemberId { get; set; }

    public string PayeeName { get; set; } = "";

    public string IdMasked { get; set; } = "";

    public string BankName { get; set; } = "";

    /// <summary>Paid to the bank account linked to the member's service card (会员服务卡绑定账户), not one typed on the form.</summary>
    public bool ToCardAccount { get; set; }

    /// <summary>The full account number, encrypted: it goes into the bank file and nowhere on screen.</summary>
    public string AccountCipher { get; set; } = "";

    public string AccountMasked { get; set; } = "";

    public decimal Amount { get; set; }

    public PaymentStatus Status { get; set; }

    public long? BatchId { get; set; }

    /// <summary>1 for the first sending; a retry after a failure sends it again as the next attempt.</summary>
    public int Attempt { get; set; }

    public string? FailureReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    /// <summary>The sending run that marked it sent: a run books exactly the payments it marked, whatever a twin run did.</summary>
    public Guid? SendToken { get; set; }

    /// <summary>The statuses booked paid in the fund ledger: sent to the bank, whether or not its results have come back.</summary>
    public static bool IsBookedPaid(PaymentStatus status) => status is PaymentStatus.Sent or PaymentStatus.Paid;

    public static LocalizedText StatusLabel(PaymentStatus status) => status switch
    {
        PaymentStatus.Pending => new("待编批", "Waiting for a batch"),
        PaymentStatus.InBatch => new("已编批", "In a batch"),
        PaymentStatus.Sent => new("已发送银行", "Sent to the bank"),
        PaymentStatus.Paid => new("已到账", "Paid"),
        PaymentStatus.Failed => new("支付失败", "Failed"),
        PaymentStatus.Reversed => new("已冲正", "Reversed"),
        _ => new("已取消", "Cancelled"),
    };
}

public enum BatchStatus
{
    /// <summary>Made up; finance checks the list and the total.</summary>
    Draft = 1,

    /// <summary>Confirmed by finance; ready to send.</summary>
    Confirmed = 2,

    /// <summary>Sent to the bank (已发送银行): its bank file is made and its payments booked paid; the results are awaited.</summary>
    Sent = 3,

    /// <summary>The bank's results are imported: each payment is paid (已到账) or failed; a later results file may still be imported.</summary>
    ResultsImported = 4,
}

/// <summary>A batch of payments of one program at one union (代发批次), confirmed by finance and sent as one bank file.</summary>
[OrgOwned(WhenUnionMoves.StaysWithActingOrg)]
public sealed class PaymentBatch
{
    public long Id { get; set; }

    public long ProgramId { get; set; }

    public long OrgId { get; set; }

    public string OrgPath { get; set; } = "";

    public string OrgName { get; set; } = "";

    public BatchStatus Status { get; set; }

    public int ItemCount { get; set; }

    public decimal Total { get; set; }

    /// <summary>The form's one-time key: a double click makes one batch.</summary>
    public Guid RequestKey { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The second person (四眼原则) when the batch is at or above the dual-control amount; may be the compiler below it.</summary>
    public string? ConfirmedBy { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Version { get; set; }

    public static LocalizedText StatusLabel(BatchStatus status) => status switch
    {
        BatchStatus.Draft => new("待财务确认", "Waiting for finance"),
        BatchStatus.Confirmed => new("已确认，待发送", "Confirmed, to send"),
        BatchStatus.Sent => new("已发送银行，待银行结果", "Sent to the bank, awaiting results"),
        _ => new("银行结果已导入", "Bank results imported"),
    };
}