using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Rights.Cases;

public enum CaseStepKind
{
    Filed = 1,
    Accepted = 2,
    Transferred = 3,
    ActionRecorded = 4,
    WagesRecovered = 5,
    Paused = 6,
    Resumed = 7,
    Resolved = 8,
    AnsweredOnSpot = 9,
    Confirmed = 10,
    CalledBack = 11,
    QualityChecked = 12,
    Escalated = 13,
    MessageAdded = 14,
}

/// <summary>What a handler did (办理措施), recorded with an action step.</summary>
public enum HandlingAction
{
    PhoneCall = 1,
    Visit = 2,
    Mediation = 3,
    ReferredToInspectorate = 4,
    ReferredToArbitration = 5,
    LegalAid = 6,
    Other = 7,
}

/// <summary>One step in a case's history: who did what, when, from which union to which, and the note.</summary>
public sealed class CaseStep
{
    public long Id { get; set; }

    public Guid CaseId { get; set; }

    public CaseStepKind Kind { get; set; }

    public HandlingAction? Action { get; set; }

    public string Actor { get; set; } = "";

    public string ActorOrg { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public long? ToOrgId { get; set; }

    public string? ToOrgName { get; set; }

    public string? Note { get; set; }

    public static LocalizedText Label(CaseStepKind kind) => kind switch
    {
        CaseStepKind.Filed => new("登记", "Filed"),
        CaseStepKind.Accepted => new("受理", "Accepted"),
        CaseStepKind.Transferred => new("转办", "Transferred"),
        CaseStepKind.ActionRecorded => new("办理记录", "Action"),
        CaseStepKind.WagesRecovered => new("追回欠薪", "Wages recovered"),
        CaseStepKind.Paused => new("暂停计时", "Clock paused"),
        CaseStepKind.Resumed => new("恢复计时", "Clock resumed"),
        CaseStepKind.Resolved => new("办结", "Resolved"),
        CaseStepKind.AnsweredOnSpot => new("当场解答结案", "Answered on the spot"),
        CaseStepKind.Confirmed => new("当事人确认结案", "Confirmed by the member"),
        CaseStepKind.CalledBack => new("回访", "Callback"),
        CaseStepKind.QualityChecked => new("质检", "Quality check"),
        CaseStepKind.Escalated => new("超时督办", "Escalated"),
        _ => new("当事人留言", "Message from the member"),
    };

    public static LocalizedText Label(HandlingAction action) => action switch
    {
        HandlingAction.PhoneCall => new("电话沟通", "Phone call"),
        HandlingAction.Visit => new("上门走访", "Visit"),
        HandlingAction.Mediation => new("调解", "Mediation"),
        HandlingAction.ReferredToInspectorate => new("移送劳动保障监察", "Referred to the labour inspectorate"),
        HandlingAction.ReferredToArbitration => new("引导劳动仲裁", "Referred to arbitration"),
        HandlingAction.LegalAid => new("法律援助", "Legal aid"),
        _ => new("其他", "Other"),
    };
}

/// <summary>An amount of wages recovered for a case: an entry, never an overwritten total.</summary>
public sealed class WageRecovery
{
    public long Id { get; set; }

    public Guid CaseId { get; set; }

    public decimal Amount { get; set; }

    /// <summary>How many workers this recovery paid.</summary>
    public int Workers { get; set; }

    public DateOnly RecoveredOn { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    public string? Note { get; set; }
}