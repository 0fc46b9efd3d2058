using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Rights.Cases;

/// <summary>The queue's filters; all optional. <see cref="Overdue"/> keeps open cases past a deadline.</summary>
public sealed class CaseFilter
{
    public CaseStatus? Status { get; set; }

    public CaseKind? Kind { get; set; }

    public CaseTopic? Topic { get; set; }

    public CaseChannel? Channel { get; set; }

    public bool? Overdue { get; set; }

    /// <summary>Only open cases (not closed).</summary>
    public bool? Open { get; set; }

    public string? Handler { get; set; }

    /// <summary>Closed cases waiting for a quality check: the sample (the configured rate) and every case the member was once not satisfied with.</summary>
    public bool? ForQualityCheck { get; set; }

    /// <summary>Only cases escalated to the viewer's own union (督办): their overdue queue.</summary>
    public bool? EscalatedToMe { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public int? Page { get; set; }
}

/// <summary>How a case's deadline stands now.</summary>
public enum DeadlineState
{
    None = 0,
    OnTime = 1,
    DueSoon = 2,
    Overdue = 3,
}

/// <summary>One line of a queue. The caller is shown masked, or not at all where the case is confidential to the viewer.</summary>
public sealed record CaseRow(
    Guid Id, string TrackingNumber, CaseKind Kind, CaseTopic Topic, CaseChannel Channel, CaseStatus Status, string Subject, long OrgId, string OrgName, string Caller,
    string EmployerName, DateTimeOffset ReceivedAt, DateTimeOffset? DueAt, DeadlineState Deadline, int EscalationLevel, string? Handler)
{
    public string KindName => CaseNames.Of(Kind).ToString();

    public string TopicName => CaseLabels.Of(Topic).ToString();

    public string ChannelName => CaseLabels.Of(Channel).ToString();

    public string StatusName => CaseLabels.Of(Status).ToString();
}

public sealed record CasePage(IReadOnlyList<CaseRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record CaseStepView(CaseStepKind Kind, string Label, string? ActionName, string Actor, string ActorOrg, DateTimeOffset At, string? ToOrgName, string? Note);

public sealed record WageRecoveryView(decimal Amount, int Workers, DateOnly RecoveredOn, string RecordedBy, string? Note);

/// <summary>A case as its handler sees it; <see cref="CallerHidden"/> when the viewer is at the employer's union and the member did not agree.</summary>
public sealed record CaseDetail(
    CaseRow Row, int Version, CaseComplexity Complexity, string Details, bool CallerHidden, string? PhoneMasked, bool EmployerMayKnow, decimal? AmountClaimed,
    int WorkersAffected, decimal AmountRecovered, int WorkersHelped, DateTimeOffset AcceptDueAt, DateTimeOffset ResolveDueAt, DateTimeOffset? CallbackDueAt,
    DateTimeOffset? AcceptedAt, DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt, int PausedDays, string? Result, Satisfaction? Satisfaction,
    bool? QualityPassed, IReadOnlyList<CaseStepView> Steps, IReadOnlyList<WageRecoveryView> Recoveries)
{
    public string ComplexityName => CaseNames.Of(Complexity).ToString();

    public string? SatisfactionName => Satisfaction is { } s ? CaseNames.Of(s).ToString() : null;

    public bool Allows(CaseStepKind step) => RightsCase.Allows(Row.Status, step);

    public static string Hidden => Loc.T("（保密）", "(confidential)");
}

/// <summary>A member's own case, as listed on the phone.</summary>
public sealed record MyCase(
    Guid Id, string TrackingNumber, CaseKind Kind, CaseTopic Topic, CaseStatus Status, string Subject, string OrgName, DateTimeOffset ReceivedAt,
    DateTimeOffset ResolveDueAt, string? Result, Satisfaction? Satisfaction, int Version)
{
    public string KindName => CaseNames.Of(Kind).ToString();

    public string TopicName => CaseLabels.Of(Topic).ToString();

    public string StatusName => CaseLabels.Of(Status).ToString();
}