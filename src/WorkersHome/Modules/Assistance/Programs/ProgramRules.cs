using System.Globalization;

using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Assistance.Programs;

public enum ProgramType
{
    /// <summary>送温暖: living relief, mostly at New Year and Spring Festival.</summary>
    LivingRelief = 1,

    /// <summary>金秋助学: aid for hardship families' children, by school level.</summary>
    StudentAid = 2,

    /// <summary>医疗互助: medical mutual aid claims.</summary>
    MedicalMutualAid = 3,

    /// <summary>劳模补助: model workers' allowances.</summary>
    ModelWorkerAllowance = 4,

    /// <summary>应急救助: emergency relief.</summary>
    EmergencyRelief = 5,

    Custom = 9,
}

public enum SchoolLevel
{
    Primary = 1,
    JuniorHigh = 2,
    SeniorHigh = 3,
    College = 4,
    Undergraduate = 5,
    Postgraduate = 6,
}

public enum AmountKind
{
    /// <summary>The same amount for everyone eligible.</summary>
    Fixed = 1,

    /// <summary>An amount per school level (金秋助学).</summary>
    BySchoolLevel = 2,

    /// <summary>A percentage of the claimed cost above a deductible (起付线), with a cap per claim and per period.</summary>
    PercentOfCost = 3,

    /// <summary>Consolation money by cost bracket (慰问金).</summary>
    ByCostBracket = 4,
}

public sealed record SchoolTier(SchoolLevel Level, decimal Amount);

/// <summary>From this cost up (to the next bracket), this amount.</summary>
public sealed record CostBracket(decimal From, decimal Amount);

/// <summary>
/// A program's rules as data: who is eligible, how much they get, and who approves. The owning union edits them in the
/// UI; every edit is a new version, and an application is judged by the version in force when it was filed.
/// </summary>
public sealed record ProgramRules
{
    /// <summary>Only households in the hardship archive (在档).</summary>
    public bool RequireArchive { get; init; }

    /// <summary>The household's causes must include one of these (none: any cause).</summary>
    public HardshipCause Causes { get; init; }

    /// <summary>The member must be in one of these groups (none: any member).</summary>
    public MemberGroups Groups { get; init; }

    /// <summary>Only people enrolled in this program's medical mutual aid for the period (医疗互助参保).</summary>
    public bool RequireEnrollment { get; init; }

    /// <summary>Percentage points added for households in hardship through illness, enrolled at the city's cost.</summary>
    public decimal IllnessHardshipBonus { get; init; }

    /// <summary>Claims up to this amount filed at the union's desk are approved and paid on the spot (0: never).</summary>
    public decimal OnTheSpotUpTo { get; init; }

    /// <summary>At most one application per person (the member, or the student named) per program; medical claims allow several.</summary>
    public bool OncePerPerson { get; init; } = true;

    public AmountKind AmountKind { get; init; } = AmountKind.Fixed;

    public decimal FixedAmount { get; init; }

    public IReadOnlyList<SchoolTier> SchoolTiers { get; init; } = [];

    /// <summary>What the claimed cost is called in the explanation ("住院自付").</summary>
    public string CostName { get; init; } = "住院自付";

    public decimal Percent { get; init; }

    public decimal Deductible { get; init; }

    /// <summary>Most paid on one application (0: no cap).</summary>
    public decimal Cap { get; init; }

    /// <summary>Most paid to one person in this program, all applications together (0: no cap).</summary>
    public decimal PeriodCap { get; init; }

    public IReadOnlyList<CostBracket> Brackets { get; init; } = [];

    /// <summary>Up to this amount a grassroots union approves; above it, <see cref="LevelAbove"/>.</summary>
    public decimal GrassrootsUpTo { get; init; } = 3_000;

    /// <summary>The tree level (3 = county) that approves amounts above <see cref="GrassrootsUpTo"/>.</summary>
    public int LevelAbove { get; init; } = 3;

    /// <summary>Above this amount two different approvers at <see cref="LevelAbove"/> or higher must approve (0: never).</summary>
    public decimal TwoApproversAbove { get; init; } = 20_000;

    public bool NeedsSchoolLevel => AmountKind == AmountKind.BySchoolLevel;

    public bool NeedsCost => AmountKind is AmountKind.PercentOfCost or AmountKind.ByCostBracket;

    /// <summary>Starting rules for a new program of a type, as the seeds describe them; the union edits them before opening.</summary>
    public static ProgramRules DefaultsFor(ProgramType type) => type switch
    {
        ProgramType.StudentAid => new()
        {
            RequireArchive = true,
            AmountKind = AmountKind.BySchoolLevel,
            SchoolTiers = [new(SchoolLevel.SeniorHigh, 2_000), new(SchoolLevel.College, 3_000), new(SchoolLevel.Undergraduate, 5_000), new(SchoolLevel.Postgraduate, 5_000)],
        },
        ProgramType.MedicalMutualAid => new()
        {
            OncePerPerson = false,
            RequireEnrollment = true,
            IllnessHardshipBonus = 5,
            OnTheSpotUpTo = 3_000,
            AmountKind = AmountKind.PercentOfCost,
            Percent = 70,
            Deductible = 1_000,
            Cap = 50_000,
            PeriodCap = 50_000,
        },
        ProgramType.ModelWorkerAllowance => new() { Groups = MemberGroups.ModelWorker, FixedAmount = 1_000 },
        ProgramType.EmergencyRelief => new()
        {
            OncePerPerson = false,
            AmountKind = AmountKind.ByCostBracket,
            CostName = "损失及费用",
            Brackets = [new(0, 500), new(10_000, 1_000), new(50_000, 2_000)],
        },
        _ => new() { RequireArchive = true, FixedAmount = 1_000 },
    };
}

public static class ProgramNames
{
    public static readonly ProgramType[] Types =
        [ProgramType.LivingRelief, ProgramType.StudentAid, ProgramType.MedicalMutualAid, ProgramType.ModelWorkerAllowance, ProgramType.EmergencyRelief, ProgramType.Custom];

    public static readonly SchoolLevel[] SchoolLevels =
        [SchoolLevel.Primary, SchoolLevel.JuniorHigh, SchoolLevel.SeniorHigh, SchoolLevel.College, SchoolLevel.Undergraduate, SchoolLevel.Postgraduate];

    public static LocalizedText Type(ProgramType type) => type switch
    {
        ProgramType.LivingRelief => new("送温暖", "Living relief"),
        ProgramType.StudentAid => new("金秋助学", "Student aid"),
        ProgramType.MedicalMutualAid => new("医疗互助", "Medical mutual aid"),
        ProgramType.ModelWorkerAllowance => new("劳模补助", "Model-worker allowance"),
        ProgramType.EmergencyRelief => new("应急救助", "Emergency relief"),
        _ => new("其他帮扶", "Other assistance"),
    };

    public static LocalizedText School(SchoolLevel level) => level switch
    {
        SchoolLevel.Primary => new("小学", "primary school"),
        SchoolLevel.JuniorHigh => new("初中", "junior high"),
        SchoolLevel.SeniorHigh => new("高中（中职）", "senior high / vocational"),
        SchoolLevel.College => new("大专", "college"),
        SchoolLevel.Undergraduate => new("本科", "undergraduate"),
        _ => new("研究生", "postgraduate"),
    };

    public static LocalizedText Amount(AmountKind kind) => kind switch
    {
        AmountKind.Fixed => new("定额", "Fixed amount"),
        AmountKind.BySchoolLevel => new("按学段定额", "By school level"),
        AmountKind.PercentOfCost => new("按费用比例", "Percentage of cost"),
        _ => new("按费用分档", "By cost bracket"),
    };

    /// <summary>"8,638" or "8,638.50": yuan as people write them.</summary>
    public static string Yuan(decimal amount) =>
        amount.ToString(decimal.Truncate(amount) == amount ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);
}

public static class ProgramRulesValidation
{
    /// <summary>Refuses rules that cannot be judged, naming the field (and the row of a tier or bracket).</summary>
    public static ProgramRules Validate(ProgramRules? rules)
    {
        var errors = new FieldErrors();
        if (rules is null)
        {
            errors.Add("rules", "请填写帮扶规则", "Enter the program's rules").ThrowIfAny();
            return null!;
        }

        if (!MemberGroupNames.IsKnown(rules.Groups))
        {
            errors.Add(nameof(rules.Groups), "会员群体无效", "Unknown member group");
        }

        switch (rules.AmountKind)
        {
            case AmountKind.Fixed when rules.FixedAmount <= 0:
                errors.Add(nameof(rules.FixedAmount), "定额金额应大于 0 元", "The fixed amount must be above 0 yuan");
                break;
            case AmountKind.BySchoolLevel:
                CheckTiers(rules, errors);
                break;
            case AmountKind.PercentOfCost:
                if (rules.Percent is <= 0 or > 100)
                {
                    errors.Add(nameof(rules.Percent), "报销比例应在 0–100% 之间", "The percentage must be between 0 and 100");
                }

                if (rules.Deductible < 0)
                {
                    errors.Add(nameof(rules.Deductible), "起付线不能为负数", "The deductible cannot be negative");
                }

                break;
            case AmountKind.ByCostBracket:
                CheckBrackets(rules, errors);
                break;
            case AmountKind.Fixed:
                break;
            default:
                errors.Add(nameof(rules.AmountKind), "请选择金额规则", "Choose how the amount is worked out");
                break;
        }

        if (rules.IllnessHardshipBonus is < 0 or > 50 || rules.OnTheSpotUpTo < 0)
        {
            errors.Add(nameof(rules.IllnessHardshipBonus), "困难职工加成应在 0–50 个百分点之间，当场支付额度不能为负数", "The hardship bonus must be 0–50 points and the on-the-spot limit cannot be negative");
        }

        if (rules.Cap < 0 || rules.PeriodCap < 0)
        {
            errors.Add(nameof(rules.Cap), "上限不能为负数（0 表示不设上限）", "Caps cannot be negative (0 means none)");
        }

        if (rules.GrassrootsUpTo < 0)
        {
            errors.Add(nameof(rules.GrassrootsUpTo), "基层审批额度不能为负数", "The grassroots approval limit cannot be negative");
        }

        if (rules.LevelAbove is < 1 or > 4)
        {
            errors.Add(nameof(rules.LevelAbove), "超额审批层级应为省、市、县（区）或乡镇（街道）工会", "The approving level above the limit must be province, city, county or township");
        }

        if (rules.TwoApproversAbove < 0 || (rules.TwoApproversAbove > 0 && rules.TwoApproversAbove < rules.GrassrootsUpTo))
        {
            errors.Add(nameof(rules.TwoApproversAbove), "双人审批额度应不低于基层审批额度（0 表示不需要）", "The two-approver threshold must be at least the grassroots limit (0 means never)");
        }

        errors.ThrowIfAny();
        return rules with { CostName = string.IsNullOrWhiteSpace(rules.CostName) ? "申请费用" : rules.CostName.Trim()[..Math.Min(rules.CostName.Trim().Length, 20)] };
    }

    private static void CheckTiers(ProgramRules rules, FieldErrors errors)
    {
        if (rules.SchoolTiers.Count == 0)
        {
            errors.Add(nameof(rules.SchoolTiers), "请至少填写一个学段的资助金额", "Enter the amount for at least one school level");
        }

        for (var i = 0; i < rules.SchoolTiers.Count; i++)
        {
            var tier = rules.SchoolTiers[i];
            if (!Enum.IsDefined(tier.Level))
            {
                errors.Add($"{nameof(rules.SchoolTiers)}[{i}]", $"学段第 {i + 1} 行：请选择学段", $"School tier row {i + 1}: choose the level");
            }
            else if (tier.Amount <= 0)
            {
                errors.Add($"{nameof(rules.SchoolTiers)}[{i}]", $"学段第 {i + 1} 行：金额应大于 0 元", $"School tier row {i + 1}: the amount must be above 0 yuan");
            }
            else if (rules.SchoolTiers.Take(i).Any(t => t.Level == tier.Level))
            {
                errors.Add($"{nameof(rules.SchoolTiers)}[{i}]", $"学段第 {i + 1} 行：{ProgramNames.School(tier.Level).Zh}重复", $"School tier row {i + 1}: {ProgramNames.School(tier.Level).En} appears twice");
            }
        }
    }

    private static void CheckBrackets(ProgramRules rules, FieldErrors errors)
    {
        if (rules.Brackets.Count == 0)
        {
            errors.Add(nameof(rules.Brackets), "请至少填写一个费用档次", "Enter at least one cost bracket");
        }

        for (var i = 0; i < rules.Brackets.Count; i++)
        {
            var bracket = rules.Brackets[i];
            if (bracket.From < 0 || bracket.Amount <= 0)
            {
                errors.Add($"{nameof(rules.Brackets)}[{i}]", $"费用档次第 {i + 1} 行：起点不能为负、金额应大于 0 元", $"Bracket row {i + 1}: the start cannot be negative and the amount must be above 0");
            }
            else if (i > 0 && bracket.From <= rules.Brackets[i - 1].From)
            {
                errors.Add($"{nameof(rules.Brackets)}[{i}]", $"费用档次第 {i + 1} 行：起点应高于上一行", $"Bracket row {i + 1}: must start above the previous row");
            }
        }
    }
}