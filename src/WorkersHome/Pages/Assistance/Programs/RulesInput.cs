using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Errors;

namespace WorkersHome.Pages.Assistance.Programs;

/// <summary>The rules editor's form: one amount box per school level and a fixed number of bracket rows, turned into <see cref="ProgramRules"/>.</summary>
public sealed class RulesInput
{
    public const int BracketRows = 5;

    public bool RequireArchive { get; set; }

    public List<HardshipCause> Causes { get; set; } = [];

    public List<MemberGroups> Groups { get; set; } = [];

    public bool OncePerPerson { get; set; } = true;

    public bool RequireEnrollment { get; set; }

    [FieldName("大病困难加发金额", "Illness hardship bonus")]

    public decimal IllnessHardshipBonus { get; set; }

    [FieldName("当场审批上限", "On-the-spot limit")]

    public decimal OnTheSpotUpTo { get; set; }

    public AmountKind AmountKind { get; set; } = AmountKind.Fixed;

    [FieldName("固定金额", "Fixed amount")]

    public decimal FixedAmount { get; set; }

    /// <summary>By <see cref="ProgramNames.SchoolLevels"/> order; empty means the level is not covered.</summary>
    public decimal?[] TierAmounts { get; set; } = new decimal?[ProgramNames.SchoolLevels.Length];

    public string? CostName { get; set; }

    [FieldName("报销比例", "Percentage")]

    public decimal Percent { get; set; }

    [FieldName("起付线", "Deductible")]

    public decimal Deductible { get; set; }

    [FieldName("单次上限", "Cap per claim")]

    public decimal Cap { get; set; }

    [FieldName("年度上限", "Cap per period")]

    public decimal PeriodCap { get; set; }

    public decimal?[] BracketFrom { get; set; } = new decimal?[BracketRows];

    public decimal?[] BracketAmount { get; set; } = new decimal?[BracketRows];

    [FieldName("基层审批上限", "Grassroots approval limit")]

    public decimal GrassrootsUpTo { get; set; }

    public int LevelAbove { get; set; } = 3;

    [FieldName("双人审批起点", "Two approvers above")]

    public decimal TwoApproversAbove { get; set; }

    public string? Note { get; set; }

    public static RulesInput From(ProgramRules r)
    {
        var input = new RulesInput
        {
            RequireArchive = r.RequireArchive,
            Causes = HardshipNames.Causes.Where(c => r.Causes.HasFlag(c)).ToList(),
            Groups = MemberGroupNames.All.Select(g => g.Group).Where(g => r.Groups.HasFlag(g)).ToList(),
            OncePerPerson = r.OncePerPerson,
            RequireEnrollment = r.RequireEnrollment,
            IllnessHardshipBonus = r.IllnessHardshipBonus,
            OnTheSpotUpTo = r.OnTheSpotUpTo,
            AmountKind = r.AmountKind,
            FixedAmount = r.FixedAmount,
            CostName = r.CostName,
            Percent = r.Percent,
            Deductible = r.Deductible,
            Cap = r.Cap,
            PeriodCap = r.PeriodCap,
            GrassrootsUpTo = r.GrassrootsUpTo,
            LevelAbove = r.LevelAbove,
            TwoApproversAbove = r.TwoApproversAbove,
        };
        for (var i = 0; i < ProgramNames.SchoolLevels.Length; i++)
        {
            input.TierAmounts[i] = r.SchoolTiers.FirstOrDefault(t => t.Level == ProgramNames.SchoolLevels[i])?.Amount;
        }

        for (var i = 0; i < Math.Min(r.Brackets.Count, BracketRows); i++)
        {
            (input.BracketFrom[i], input.BracketAmount[i]) = (r.Brackets[i].From, r.Brackets[i].Amount);
        }

        return input;
    }

    public ProgramRules ToRules() => new()
    {
        RequireArchive = RequireArchive,
        Causes = Causes.Aggregate(HardshipCause.None, (all, c) => all | c),
        Groups = Groups.Aggregate(MemberGroups.None, (all, g) => all | g),
        OncePerPerson = OncePerPerson,
        RequireEnrollment = RequireEnrollment,
        IllnessHardshipBonus = IllnessHardshipBonus,
        OnTheSpotUpTo = OnTheSpotUpTo,
        AmountKind = AmountKind,
        FixedAmount = FixedAmount,
        SchoolTiers = ProgramNames.SchoolLevels.Select((level, i) => (level, amount: TierAmounts.ElementAtOrDefault(i)))
            .Where(t => t.amount is not null).Select(t => new SchoolTier(t.level, t.amount!.Value)).ToList(),
        CostName = CostName ?? "",
        Percent = Percent,
        Deductible = Deductible,
        Cap = Cap,
        PeriodCap = PeriodCap,
        Brackets = Enumerable.Range(0, BracketRows).Where(i => BracketFrom.ElementAtOrDefault(i) is not null || BracketAmount.ElementAtOrDefault(i) is not null)
            .Select(i => new CostBracket(BracketFrom.ElementAtOrDefault(i) ?? 0, BracketAmount.ElementAtOrDefault(i) ?? 0)).ToList(),
        GrassrootsUpTo = GrassrootsUpTo,
        LevelAbove = LevelAbove,
        TwoApproversAbove = TwoApproversAbove,
    };
}