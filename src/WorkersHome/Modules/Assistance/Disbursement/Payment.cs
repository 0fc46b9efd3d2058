using WorkersHome.Platform.Errors;
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

    /// <summary>
    /// Changed only by the conditional updates of the disbursement use cases (exactly once, docs/adr/0009), each moving
    /// payments between statuses that <see cref="Transitions"/> allows.
    /// </summary>
    public PaymentStatus Status { get; private set; } = PaymentStatus.Pending;

    public long? BatchId { get; private set; }

    /// <summary>1 for the first sending; a retry after a failure sends it again as the next attempt.</summary>
    public int Attempt { get; private set; } = 1;

    public string? FailureReason { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>The sending run that marked it sent: a run books exactly the payments it marked, whatever a twin run did.</summary>
    public Guid? SendToken { get; private set; }

    /// <summary>
    /// The state table (docs/adr/0009): a payment waits, joins a batch, is sent (booked paid), and the bank credits or
    /// returns it; a sent or paid one may be reversed (冲正); a returned or reversed one is retried as its next attempt
    /// (back to waiting) or given up, as may one still waiting. A cancelled payment never moves again.
    /// </summary>
    public static readonly IReadOnlyDictionary<PaymentStatus, PaymentStatus[]> Transitions = new Dictionary<PaymentStatus, PaymentStatus[]>
    {
        [PaymentStatus.Pending] = [PaymentStatus.InBatch, PaymentStatus.Cancelled],
        [PaymentStatus.InBatch] = [PaymentStatus.Sent],
        [PaymentStatus.Sent] = [PaymentStatus.Paid, PaymentStatus.Failed, PaymentStatus.Reversed],
        [PaymentStatus.Paid] = [PaymentStatus.Reversed],
        [PaymentStatus.Failed] = [PaymentStatus.Pending, PaymentStatus.Cancelled],
        [PaymentStatus.Reversed] = [PaymentStatus.Pending, PaymentStatus.Cancelled],
        [PaymentStatus.Cancelled] = [],
    };

    public static bool CanMove(PaymentStatus from, PaymentStatus to) => Transitions.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>The statuses from which a payment may move to <paramref name="to"/>: the condition of the update that moves it.</summary>
    public static PaymentStatus[] MovableTo(PaymentStatus to) => [.. Transitions.Where(t => t.Value.Contains(to)).Select(t => t.Key).Order()];

    /// <summary>
    /// After a conditional update that moved nothing: fine when a twin request has just brought the payment to
    /// <paramref name="wanted"/>; else the refusal (409) naming the payment's status.
    /// </summary>
    public static void EnsureAlready(PaymentStatus now, PaymentStatus wanted, LocalizedText refusal)
    {
        if (now != wanted)
        {
            throw new ConflictException(Loc.T($"{refusal.Zh}（当前：{StatusLabel(now).Zh}）", $"{refusal.En} (now: {StatusLabel(now).En})"));
        }
    }

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

    /// <summary>Changed through <see cref="Confirm"/> and the sending and results updates, as <see cref="Transitions"/> allows.</summary>
    public BatchStatus Status { get; private set; } = BatchStatus.Draft;

    public int ItemCount { get; set; }

    public decimal Total { get; set; }

    /// <summary>The form's one-time key: a double click makes one batch.</summary>
    public Guid RequestKey { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The second person (四眼原则) when the batch is at or above the dual-control amount; may be the compiler below it.</summary>
    public string? ConfirmedBy { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public int Version { get; set; }

    /// <summary>
    /// The state table: compiled, confirmed by finance, sent to the bank, results imported; a batch with results may
    /// take a later results file (the bank reports late lines later).
    /// </summary>
    public static readonly IReadOnlyDictionary<BatchStatus, BatchStatus[]> Transitions = new Dictionary<BatchStatus, BatchStatus[]>
    {
        [BatchStatus.Draft] = [BatchStatus.Confirmed],
        [BatchStatus.Confirmed] = [BatchStatus.Sent],
        [BatchStatus.Sent] = [BatchStatus.ResultsImported],
        [BatchStatus.ResultsImported] = [BatchStatus.ResultsImported],
    };

    public static bool CanMove(BatchStatus from, BatchStatus to) => Transitions.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>Sending runs once the batch is confirmed, and may run again (a repeat, or a run resumed after a crash) once it is sent.</summary>
    public bool MaySend => Status != BatchStatus.Draft;

    /// <summary>Bank results are taken once the batch is sent, and again for a later results file.</summary>
    public bool TakesResults => CanMove(Status, BatchStatus.ResultsImported);

    /// <summary>Finance confirms the batch's list and total (the caller has checked who may, <c>ConfirmBatch.WhyNotConfirm</c>).</summary>
    public void Confirm(string by, DateTimeOffset at)
    {
        if (!CanMove(Status, BatchStatus.Confirmed))
        {
            throw new ConflictException(Loc.T("该批次已变化，请刷新后再办理", "The batch changed meanwhile; reload it"));
        }

        (Status, ConfirmedBy, ConfirmedAt, Version) = (BatchStatus.Confirmed, by, at, Version + 1);
    }

    public static LocalizedText StatusLabel(BatchStatus status) => status switch
    {
        BatchStatus.Draft => new("待财务确认", "Waiting for finance"),
        BatchStatus.Confirmed => new("已确认，待发送", "Confirmed, to send"),
        BatchStatus.Sent => new("已发送银行，待银行结果", "Sent to the bank, awaiting results"),
        _ => new("银行结果已导入", "Bank results imported"),
    };
}