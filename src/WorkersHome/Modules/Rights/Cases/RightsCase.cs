using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence.OrgOwnership;

namespace WorkersHome.Modules.Rights.Cases;

/// <summary>How satisfied the member was when called back (回访).</summary>
public enum Satisfaction
{
    Satisfied = 1,
    BasicallySatisfied = 2,
    NotSatisfied = 3,
}

/// <summary>
/// A rights case (维权案件) from any channel. It belongs to the union that handles it (<see cref="OrgPath"/>, moved by a
/// transfer); it also remembers the employer's grassroots union (<see cref="EmployerUnionPath"/>) so that a cadre there
/// never learns who complained unless the member agreed. Deadlines are fixed when the case is filed, on the working
/// calendar and the time limits in force then. Its status changes only through the steps of <see cref="AllowedFrom"/>.
/// </summary>
[OrgOwned(WhenUnionMoves.FollowsUnion)]
[OrgOwned(WhenUnionMoves.FollowsUnion, Path = nameof(EmployerUnionPath), UnionId = nameof(EmployerOrgId), SubtreeFilter = false)]
public sealed class RightsCase
{
    /// <summary>The actor of a step the member took on the phone (or a message they sent).</summary>
    public const string ByMember = "member";

    /// <summary>The state table: from which statuses each step may be taken (filing opens a case as received).</summary>
    public static readonly IReadOnlyDictionary<CaseStepKind, CaseStatus[]> AllowedFrom = new Dictionary<CaseStepKind, CaseStatus[]>
    {
        [CaseStepKind.Accepted] = [CaseStatus.Received],
        [CaseStepKind.Transferred] = [CaseStatus.Received, CaseStatus.InProgress],
        [CaseStepKind.ActionRecorded] = [CaseStatus.InProgress, CaseStatus.Paused],
        [CaseStepKind.WagesRecovered] = [CaseStatus.InProgress, CaseStatus.Paused, CaseStatus.Resolved],
        [CaseStepKind.Paused] = [CaseStatus.InProgress],
        [CaseStepKind.Resumed] = [CaseStatus.Paused],
        [CaseStepKind.Resolved] = [CaseStatus.InProgress],
        [CaseStepKind.AnsweredOnSpot] = [CaseStatus.Received, CaseStatus.InProgress],
        [CaseStepKind.Confirmed] = [CaseStatus.Resolved],
        [CaseStepKind.CalledBack] = [CaseStatus.Resolved, CaseStatus.Closed],
        [CaseStepKind.QualityChecked] = [CaseStatus.Closed],
        [CaseStepKind.MessageAdded] = [CaseStatus.Received, CaseStatus.InProgress, CaseStatus.Paused, CaseStatus.Resolved],
    };

    private RightsCase()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The number the member looks the case up by, e.g. WQ26120612345678.</summary>
    public string TrackingNumber { get; private set; } = "";

    /// <summary>One case per submission: a form's key, an API caller's idempotency key, or a WeChat MsgId.</summary>
    public string SubmissionKey { get; private set; } = "";

    public CaseKind Kind { get; private set; }

    public CaseTopic Topic { get; private set; }

    public CaseComplexity Complexity { get; private set; }

    public CaseChannel Channel { get; private set; }

    public CaseStatus Status { get; private set; }

    public string Subject { get; private set; } = "";

    /// <summary>What happened, in the member's or agent's words, encrypted.</summary>
    public string DetailsCipher { get; private set; } = "";

    public Guid? MemberId { get; private set; }

    /// <summary>The caller's name; null for an anonymous caller.</summary>
    public string? CallerName { get; private set; }

    public string? PhoneCipher { get; private set; }

    [ByteOrder]
    public string? PhoneHash { get; private set; }

    public string? PhoneMasked { get; private set; }

    /// <summary>Whether the employer may learn who complained (default: no).</summary>
    public bool EmployerMayKnow { get; private set; }

    public long? EmployerOrgId { get; private set; }

    public string? EmployerUnionPath { get; private set; }

    public string EmployerName { get; private set; } = "";

    /// <summary>The union handling the case.</summary>
    public long OrgId { get; private set; }

    public string OrgPath { get; private set; } = "";

    public decimal? AmountClaimed { get; private set; }

    public int WorkersAffected { get; private set; }

    /// <summary>The sum of the recovery entries, kept with each entry in the same transaction.</summary>
    public decimal AmountRecovered { get; private set; }

    public int WorkersHelped { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset AcceptDueAt { get; private set; }

    public DateTimeOffset ResolveDueAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public DateTimeOffset? CallbackDueAt { get; private set; }

    public DateTimeOffset? PausedAt { get; private set; }

    /// <summary>Business days the resolve clock has stood still so far (limited by <see cref="CaseRules.MaxPauseDays"/>).</summary>
    public int PausedDays { get; private set; }

    /// <summary>0, or how many times the case has escalated up the tree on a breached time limit.</summary>
    public int EscalationLevel { get; private set; }

    /// <summary>The business days to accept and to resolve that the case was filed (or last transferred) with, so that a calendar change can count its deadlines again.</summary>
    public int AcceptDays { get; private set; }

    public int ResolveDays { get; private set; }

    /// <summary>When the accept clock started: filing, or the last transfer.</summary>
    public DateTimeOffset? AcceptCountedFrom { get; private set; }

    /// <summary>A number 0–99 drawn at filing: closed cases below the sampling rate go to the quality check.</summary>
    public int SampleBucket { get; private set; }

    /// <summary>The member was not satisfied at least once: such a case always goes to the quality check once closed.</summary>
    public bool WasReopened { get; private set; }

    /// <summary>The deadline whose breach escalated the case last: a later, different deadline breached is a new breach.</summary>
    public DateTimeOffset? BreachedDueAt { get; private set; }

    /// <summary>The union the case escalated to (督办): its supervisors see it in their overdue queue.</summary>
    public string? EscalatedOrgPath { get; private set; }

    public string? Result { get; private set; }

    public Satisfaction? Satisfaction { get; private set; }

    public bool? QualityPassed { get; private set; }

    public string FiledBy { get; private set; } = "";

    /// <summary>The handler who accepted the case (the queue filters by it).</summary>
    public string? Handler { get; private set; }

    public int Version { get; private set; }

    /// <summary>
    /// Where a message case's member is answered when that is not a phone: the WeChat OpenID, encrypted. Replies on
    /// the channel go there.
    /// </summary>
    public string? SenderCipher { get; private set; }

    /// <summary>The keyed hash of the sender's address: a member's next message joins their open case by it.</summary>
    [ByteOrder]
    public string? SenderHash { get; private set; }

    public bool IsOpen => Status != CaseStatus.Closed;

    /// <summary>A complaint or a request closes only with the member's confirmation or a callback.</summary>
    public bool NeedsMembersWord => Kind is CaseKind.Complaint or CaseKind.Request;

    public static bool Allows(CaseStatus status, CaseStepKind step) => AllowedFrom.TryGetValue(step, out var from) && from.Contains(status);

    public static RightsCase File(CaseFiling filing) => new()
    {
        Id = filing.Id,
        TrackingNumber = filing.TrackingNumber,
        SubmissionKey = filing.SubmissionKey,
        Kind = filing.Kind,
        Topic = filing.Topic,
        Complexity = filing.Complexity,
        Channel = filing.Channel,
        Status = CaseStatus.Received,
        Subject = filing.Subject,
        DetailsCipher = filing.DetailsCipher,
        MemberId = filing.MemberId,
        CallerName = filing.CallerName,
        PhoneCipher = filing.PhoneCipher,
        PhoneHash = filing.PhoneHash,
        PhoneMasked = filing.PhoneMasked,
        EmployerMayKnow = filing.EmployerMayKnow,
        EmployerOrgId = filing.EmployerOrgId,
        EmployerUnionPath = filing.EmployerUnionPath,
        EmployerName = filing.EmployerName,
        OrgId = filing.Route.OrgId,
        OrgPath = filing.Route.OrgPath,
        AmountClaimed = filing.AmountClaimed,
        WorkersAffected = filing.WorkersAffected,
        ReceivedAt = filing.ReceivedAt,
        AcceptDueAt = filing.AcceptDueAt,
        ResolveDueAt = filing.ResolveDueAt,
        FiledBy = filing.FiledBy,
        SenderCipher = filing.SenderCipher,
        SenderHash = filing.SenderHash,
    };

    /// <summary>Remembers the limits the deadlines were counted with (filing).</summary>
    public void CountedWith(int acceptDays, int resolveDays) =>
        (AcceptDays, ResolveDays, AcceptCountedFrom, SampleBucket) = (acceptDays, resolveDays, ReceivedAt, System.Security.Cryptography.RandomNumberGenerator.GetInt32(100));

    /// <summary>Counts the deadlines again on a changed calendar, with the limits the case was filed with and the pauses it has had.</summary>
    public bool Recount(Calendar.BusinessCalendar days)
    {
        if (ResolveDays == 0 || Status is CaseStatus.Resolved or CaseStatus.Closed)
        {
            return false;
        }

        var (accept, resolve) = (days.Deadline(AcceptCountedFrom ?? ReceivedAt, AcceptDays), days.Extend(days.Deadline(ReceivedAt, ResolveDays), PausedDays));
        var changed = accept != AcceptDueAt || resolve != ResolveDueAt;
        (AcceptDueAt, ResolveDueAt) = (accept, resolve);
        return changed;
    }

    /// <summary>Refuses a step the status does not allow, or one taken on a version that is no longer current: someone else acted meanwhile.</summary>
    public void EnsureCan(CaseStepKind step, int version)
    {
        if (Version != version || !Allows(Status, step))
        {
            throw Changed();
        }
    }

    public void Accept(DateTimeOffset at, string handler)
    {
        Guard(CaseStepKind.Accepted);
        (Status, AcceptedAt, Handler) = (CaseStatus.InProgress, AcceptedAt ?? at, handler);
    }

    /// <summary>
    /// The receiving union accepts it afresh, within its own time to accept; the time to resolve runs on, and the
    /// first acceptance still counts for the on-time figures.
    /// </summary>
    public void TransferTo(long orgId, string orgPath, DateTimeOffset at, DateTimeOffset acceptDueAt)
    {
        Guard(CaseStepKind.Transferred);
        (OrgId, OrgPath, Status, Handler, AcceptDueAt, AcceptCountedFrom) = (orgId, orgPath, CaseStatus.Received, null, acceptDueAt, at);
    }

    public void Pause(DateTimeOffset at)
    {
        Guard(CaseStepKind.Paused);
        (Status, PausedAt) = (CaseStatus.Paused, at);
    }

    /// <summary>The clock runs again; the resolve deadline moves by the business days it stood still.</summary>
    public void Resume(int pausedBusinessDays, DateTimeOffset newResolveDueAt)
    {
        Guard(CaseStepKind.Resumed);
        (Status, PausedAt, PausedDays, ResolveDueAt) = (CaseStatus.InProgress, null, PausedDays + pausedBusinessDays, newResolveDueAt);
    }

    /// <summary>A result: a complaint or request waits for the member's word (callback due by <paramref name="callbackDueAt"/>); anything else closes.</summary>
    public void Resolve(string result, DateTimeOffset at, DateTimeOffset callbackDueAt)
    {
        Guard(CaseStepKind.Resolved);
        (Result, ResolvedAt) = (result, at);
        if (NeedsMembersWord)
        {
            (Status, CallbackDueAt) = (CaseStatus.Resolved, callbackDueAt);
        }
        else
        {
            (Status, ClosedAt, CallbackDueAt) = (CaseStatus.Closed, at, callbackDueAt);
        }
    }

    /// <summary>A consultation answered there and then: accepted, resolved and closed at once.</summary>
    public void AnswerOnSpot(string answer, DateTimeOffset at)
    {
        Guard(CaseStepKind.AnsweredOnSpot);
        if (Kind != CaseKind.Consultation)
        {
            throw new ConflictException(Loc.T("只有咨询类案件可以当场解答结案", "Only a consultation can be answered and closed on the spot"));
        }

        (Status, Result, AcceptedAt, ResolvedAt, ClosedAt) = (CaseStatus.Closed, answer, AcceptedAt ?? at, at, at);
    }

    /// <summary>The member confirmed the result themselves.</summary>
    public void Confirm(DateTimeOffset at)
    {
        Guard(CaseStepKind.Confirmed);
        (Status, ClosedAt, Satisfaction) = (CaseStatus.Closed, at, Cases.Satisfaction.Satisfied);
    }

    /// <summary>The callback's answer: satisfied closes the case; not satisfied reopens it (returns true).</summary>
    public bool CallBack(Satisfaction answer, DateTimeOffset at)
    {
        Guard(CaseStepKind.CalledBack);
        Satisfaction = answer;
        CallbackDueAt = null;
        if (answer == Cases.Satisfaction.NotSatisfied)
        {
            (Status, ClosedAt, ResolvedAt, QualityPassed, WasReopened) = (CaseStatus.InProgress, null, null, null, true);
            return true;
        }

        (Status, ClosedAt) = (CaseStatus.Closed, ClosedAt ?? at);
        return false;
    }

    /// <summary>A supervisor's quality check: a failure sends the case back to its handler.</summary>
    public void QualityCheck(bool passed)
    {
        Guard(CaseStepKind.QualityChecked);
        QualityPassed = passed;
        if (!passed)
        {
            (Status, ClosedAt, ResolvedAt) = (CaseStatus.InProgress, null, null);
        }
    }

    public void AddRecovery(decimal amount, int workers)
    {
        Guard(CaseStepKind.WagesRecovered);
        AmountRecovered += amount;
        // Instalments to the same workers must not count them twice: never more than the workers the case concerns.
        WorkersHelped = WorkersAffected > 0 ? Math.Min(WorkersHelped + workers, WorkersAffected) : WorkersHelped + workers;
    }

    /// <summary>Escalates one level, to <paramref name="toPath"/>, for the breach of <paramref name="breachedDueAt"/>.</summary>
    public void Escalate(DateTimeOffset breachedDueAt, string toPath) =>
        (EscalationLevel, BreachedDueAt, EscalatedOrgPath) = (EscalationLevel + 1, breachedDueAt, toPath);

    /// <summary>The deadline the case is working against now: to accept, or to resolve; none while paused, resolved or closed.</summary>
    public DateTimeOffset? CurrentDueAt => Status switch
    {
        CaseStatus.Received => AcceptDueAt,
        CaseStatus.InProgress => ResolveDueAt,
        _ => null,
    };

    public void GuardStep(CaseStepKind step) => Guard(step);

    /// <summary>A step was taken on the version <paramref name="seenVersion"/>.</summary>
    public void Stamp(int seenVersion) => Version = seenVersion + 1;

    private void Guard(CaseStepKind step)
    {
        if (!Allows(Status, step))
        {
            throw Changed();
        }
    }

    private ConflictException Changed() =>
        new(Loc.T($"该案件已变化（当前：{CaseLabels.Of(Status).Zh}），请刷新后再办理", $"The case changed meanwhile (now: {CaseLabels.Of(Status).En}); reload it"));
}

/// <summary>Everything a new case is filed with, checked and routed.</summary>
public sealed record CaseFiling(
    Guid Id, string TrackingNumber, string SubmissionKey, CaseKind Kind, CaseTopic Topic, CaseComplexity Complexity, CaseChannel Channel, string Subject,
    string DetailsCipher, Guid? MemberId, string? CallerName, string? PhoneCipher, string? PhoneHash, string? PhoneMasked, bool EmployerMayKnow,
    long? EmployerOrgId, string? EmployerUnionPath, string EmployerName, CaseRoute Route, decimal? AmountClaimed, int WorkersAffected,
    DateTimeOffset ReceivedAt, DateTimeOffset AcceptDueAt, DateTimeOffset ResolveDueAt, string FiledBy, string? SenderCipher = null,
    string? SenderHash = null);

/// <summary>The union a case goes to, and why.</summary>
public sealed record CaseRoute(long OrgId, string OrgPath, string OrgName, LocalizedText Why);