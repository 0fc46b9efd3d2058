using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Rights.Cases;

/// <summary>What the case is about (the hotline's topic classes).</summary>
public enum CaseTopic
{
    WageArrears = 1,
    LabourContract = 2,
    SocialInsurance = 3,
    WorkInjury = 4,
    SafetyAndHealth = 5,
    FemaleWorkers = 6,
    Dismissal = 7,
    Other = 8,
}

/// <summary>How the case reached the union (五位一体: hotline, online, WeChat, SMS, in person).</summary>
public enum CaseChannel
{
    Hotline = 1,
    Online = 2,
    WeChat = 3,
    Sms = 4,
    InPerson = 5,
}

public enum CaseStatus
{
    /// <summary>待受理: filed and routed; the responsible union has not yet accepted it.</summary>
    Received = 1,

    /// <summary>办理中: accepted; the handler works on it.</summary>
    InProgress = 2,

    /// <summary>暂停: waiting for the member (documents, a meeting); the resolve clock stands still.</summary>
    Paused = 3,

    /// <summary>已办结待回访: a result is recorded; a complaint or request waits for the member's confirmation or a callback.</summary>
    Resolved = 4,

    /// <summary>已结案.</summary>
    Closed = 5,
}

public static class CaseLabels
{
    public static LocalizedText Of(CaseTopic topic) => topic switch
    {
        CaseTopic.WageArrears => new("欠薪", "Wage arrears"),
        CaseTopic.LabourContract => new("劳动合同", "Labour contract"),
        CaseTopic.SocialInsurance => new("社会保险", "Social insurance"),
        CaseTopic.WorkInjury => new("工伤", "Work injury"),
        CaseTopic.SafetyAndHealth => new("职业安全健康", "Occupational safety and health"),
        CaseTopic.FemaleWorkers => new("女职工特殊保护", "Female workers' special protection"),
        CaseTopic.Dismissal => new("解除劳动关系", "Dismissal"),
        _ => new("其他", "Other"),
    };

    public static LocalizedText Of(CaseChannel channel) => channel switch
    {
        CaseChannel.Hotline => new("12351 热线", "12351 hotline"),
        CaseChannel.Online => new("网上职工之家", "Online"),
        CaseChannel.WeChat => new("微信", "WeChat"),
        CaseChannel.Sms => new("短信", "SMS"),
        _ => new("来访", "In person"),
    };

    public static LocalizedText Of(CaseStatus status) => status switch
    {
        CaseStatus.Received => new("待受理", "Waiting to be accepted"),
        CaseStatus.InProgress => new("办理中", "In progress"),
        CaseStatus.Paused => new("暂停（等待当事人）", "Paused (waiting for the member)"),
        CaseStatus.Resolved => new("已办结待回访", "Resolved, callback due"),
        _ => new("已结案", "Closed"),
    };
}