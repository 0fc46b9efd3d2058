using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Assistance.Archive;

/// <summary>Causes of hardship; a household has one or more, one of them primary.</summary>
[Flags]
public enum HardshipCause
{
    None = 0,
    Illness = 1,
    Disability = 2,
    Unemployment = 4,
    SingleParent = 8,
    Disaster = 16,
    Education = 32,
    WorkInjury = 64,
    Other = 128,
}

public enum HousingKind
{
    Owned = 1,
    Rented = 2,
    PublicRental = 3,
    Lodging = 4,
    NoFixedHome = 5,
}

public enum HealthState
{
    Healthy = 1,
    ChronicIllness = 2,
    SeriousIllness = 3,
    Disabled = 4,
    UnableToWork = 5,
}

public static class HardshipNames
{
    public static readonly HardshipCause[] Causes =
    [
        HardshipCause.Illness, HardshipCause.Disability, HardshipCause.Unemployment, HardshipCause.SingleParent,
        HardshipCause.Disaster, HardshipCause.Education, HardshipCause.WorkInjury, HardshipCause.Other,
    ];

    public static readonly string[] Relations = ["本人", "配偶", "子女", "父母", "配偶父母", "兄弟姐妹", "孙子女", "其他"];

    public static LocalizedText Cause(HardshipCause cause) => cause switch
    {
        HardshipCause.Illness => new("因病", "Illness"),
        HardshipCause.Disability => new("因残", "Disability"),
        HardshipCause.Unemployment => new("失业", "Unemployment"),
        HardshipCause.SingleParent => new("单亲", "Single parent"),
        HardshipCause.Disaster => new("因灾", "Disaster"),
        HardshipCause.Education => new("子女教育", "Children's education"),
        HardshipCause.WorkInjury => new("工伤", "Work injury"),
        _ => new("其他", "Other"),
    };

    public static string CauseList(HardshipCause causes) =>
        string.Join("、", Causes.Where(c => causes.HasFlag(c)).Select(c => Cause(c).ToString()));

    public static LocalizedText Housing(HousingKind kind) => kind switch
    {
        HousingKind.Owned => new("自有住房", "Own home"),
        HousingKind.Rented => new("租房", "Rented"),
        HousingKind.PublicRental => new("公租房/廉租房", "Public rental"),
        HousingKind.Lodging => new("借住", "Lodging with others"),
        _ => new("无固定住所", "No fixed home"),
    };

    public static LocalizedText Health(HealthState state) => state switch
    {
        HealthState.Healthy => new("健康", "Healthy"),
        HealthState.ChronicIllness => new("慢性病", "Chronic illness"),
        HealthState.SeriousIllness => new("重大疾病", "Serious illness"),
        HealthState.Disabled => new("残疾", "Disabled"),
        _ => new("丧失劳动能力", "Unable to work"),
    };
}