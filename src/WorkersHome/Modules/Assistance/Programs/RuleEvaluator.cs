using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Localization;

using static WorkersHome.Modules.Assistance.Programs.ProgramNames;

namespace WorkersHome.Modules.Assistance.Programs;

/// <summary>What the rules need to know about an application: the household's archive status and groups, and what was claimed.</summary>
public sealed record ApplicantFacts(
    bool InArchive, HardshipCause Causes, MemberGroups Groups, SchoolLevel? SchoolLevel, decimal? ClaimedCost, decimal ReceivedBefore, bool Enrolled = false,
    bool IllnessHardship = false);

/// <summary>The rules' verdict, explained in both languages in figures ("住院自付 12,340 元 × 70% = 8,638 元，低于上限 50,000 元").</summary>
public sealed record Judgement(bool Eligible, decimal Amount, LocalizedText Explanation);

/// <summary>Who must approve an amount: a cadre of this tree level or higher, and how many different ones.</summary>
public sealed record ApprovalPlan(int Level, int Approvers)
{
    public const int Grassroots = 5;

    public static ApprovalPlan For(ProgramRules rules, decimal amount) =>
        amount <= rules.GrassrootsUpTo
            ? new(Grassroots, 1)
            : new(rules.LevelAbove, rules.TwoApproversAbove > 0 && amount > rules.TwoApproversAbove ? 2 : 1);

    public LocalizedText Describe()
    {
        var level = ArchiveOptions.LevelName(Level);
        return Approvers == 2
            ? new($"须由{level.Zh}及以上两名不同审批人审批", $"Two different approvers at a {level.En} or above")
            : new($"由{level.Zh}及以上审批", $"Approved by a {level.En} or above");
    }
}

public static class RuleEvaluator
{
    public static Judgement Judge(ProgramRules rules, ApplicantFacts facts)
    {
        if (Ineligible(rules, facts) is { } reason)
        {
            return new(false, 0, new($"不符合条件：{reason.Zh}", $"Not eligible: {reason.En}"));
        }

        var (amount, text) = Amount(rules, facts);
        if (amount is null)
        {
            return new(false, 0, text);
        }

        var (capped, capText) = ApplyCaps(rules, amount.Value, facts.ReceivedBefore);
        return capped <= 0
            ? new(false, 0, new($"{text.Zh}{capText.Zh}，本次无可补助金额", $"{text.En}{capText.En}; nothing left to pay"))
            : new(true, capped, new(text.Zh + capText.Zh, text.En + capText.En));
    }

    /// <summary>
    /// Why the household may not apply at all (archive, causes, groups, enrolment), or null: the part of the verdict that
    /// does not depend on the form, so the member is told before filling it in.
    /// </summary>
    public static LocalizedText? Ineligible(ProgramRules rules, ApplicantFacts facts)
    {
        if (rules.RequireEnrollment && !facts.Enrolled)
        {
            return new("须参加本期医疗互助", "must be enrolled in this period's medical mutual aid");
        }

        if (rules.RequireArchive && !facts.InArchive)
        {
            return new("须为在档困难职工家庭", "the household must be in the hardship archive");
        }

        if (rules.Causes != HardshipCause.None && (facts.Causes & rules.Causes) == 0)
        {
            return new($"致困原因须为{HardshipNames.CauseList(rules.Causes)}之一", $"the hardship cause must be one of {HardshipNames.CauseList(rules.Causes)}");
        }

        if (rules.Groups != MemberGroups.None && (facts.Groups & rules.Groups) == 0)
        {
            var names = MemberGroupNames.Names(rules.Groups);
            return new($"须属于会员群体：{names.Zh}", $"the member must be in: {names.En}");
        }

        return null;
    }

    private static (decimal? Amount, LocalizedText Text) Amount(ProgramRules rules, ApplicantFacts facts)
    {
        switch (rules.AmountKind)
        {
            case AmountKind.BySchoolLevel:
                var tier = rules.SchoolTiers.FirstOrDefault(t => t.Level == facts.SchoolLevel);
                if (facts.SchoolLevel is not { } level)
                {
                    return (null, new("不符合条件：请选择就读学段", "Not eligible: choose the school level"));
                }

                var school = School(level);
                return tier is null
                    ? (null, new($"不符合条件：{school.Zh}不在资助范围内", $"Not eligible: {school.En} is not covered"))
                    : (tier.Amount, new($"{school.Zh}资助标准 {Yuan(tier.Amount)} 元", $"{school.En}: {Yuan(tier.Amount)} yuan"));
            case AmountKind.PercentOfCost:
                return PercentOfCost(rules, facts.ClaimedCost, facts.IllnessHardship ? rules.IllnessHardshipBonus : 0);
            case AmountKind.ByCostBracket:
                return Bracket(rules, facts.ClaimedCost);
            default:
                return (rules.FixedAmount, new($"定额补助 {Yuan(rules.FixedAmount)} 元", $"Fixed amount {Yuan(rules.FixedAmount)} yuan"));
        }
    }

    private static (decimal? Amount, LocalizedText Text) PercentOfCost(ProgramRules rules, decimal? claimed, decimal bonus)
    {
        if (claimed is not > 0)
        {
            return (null, new($"不符合条件：请填写{rules.CostName}金额", $"Not eligible: enter the {rules.CostName} amount"));
        }

        var cost = claimed.Value;
        var covered = cost - rules.Deductible;
        if (covered <= 0)
        {
            return (null, new($"不符合条件：{rules.CostName} {Yuan(cost)} 元未超过起付线 {Yuan(rules.Deductible)} 元",
                $"Not eligible: {rules.CostName} {Yuan(cost)} yuan is not above the deductible {Yuan(rules.Deductible)} yuan"));
        }

        var percent = rules.Percent + bonus;
        var amount = Math.Round(covered * percent / 100m, 2, MidpointRounding.AwayFromZero);
        var basis = rules.Deductible > 0
            ? new LocalizedText($"（{rules.CostName} {Yuan(cost)} 元 − 起付线 {Yuan(rules.Deductible)} 元）", $"({rules.CostName} {Yuan(cost)} yuan − deductible {Yuan(rules.Deductible)} yuan)")
            : new LocalizedText($"{rules.CostName} {Yuan(cost)} 元", $"{rules.CostName} {Yuan(cost)} yuan");
        var rate = bonus > 0
            ? new LocalizedText($"{Yuan(percent)}%（{Yuan(rules.Percent)}% + 因病困难职工 {Yuan(bonus)} 个百分点）", $"{Yuan(percent)}% ({Yuan(rules.Percent)}% + {Yuan(bonus)} points for illness hardship)")
            : new LocalizedText($"{Yuan(percent)}%", $"{Yuan(percent)}%");
        return (amount, new($"{basis.Zh} × {rate.Zh} = {Yuan(amount)} 元", $"{basis.En} × {rate.En} = {Yuan(amount)} yuan"));
    }

    private static (decimal? Amount, LocalizedText Text) Bracket(ProgramRules rules, decimal? claimed)
    {
        if (claimed is not >= 0)
        {
            return (null, new($"不符合条件：请填写{rules.CostName}金额", $"Not eligible: enter the {rules.CostName} amount"));
        }

        var cost = claimed.Value;
        var bracket = rules.Brackets.LastOrDefault(b => cost >= b.From);
        if (bracket is null)
        {
            return (null, new($"不符合条件：{rules.CostName} {Yuan(cost)} 元低于最低档 {Yuan(rules.Brackets[0].From)} 元",
                $"Not eligible: {rules.CostName} {Yuan(cost)} yuan is below the lowest bracket {Yuan(rules.Brackets[0].From)} yuan"));
        }

        return (bracket.Amount, new($"{rules.CostName} {Yuan(cost)} 元，属 {Yuan(bracket.From)} 元以上档，慰问金 {Yuan(bracket.Amount)} 元",
            $"{rules.CostName} {Yuan(cost)} yuan is in the bracket from {Yuan(bracket.From)} yuan: {Yuan(bracket.Amount)} yuan"));
    }

    private static (decimal Amount, LocalizedText Text) ApplyCaps(ProgramRules rules, decimal amount, decimal receivedBefore)
    {
        LocalizedText text;
        if (rules.Cap > 0 && amount > rules.Cap)
        {
            text = new($"，超过单次上限 {Yuan(rules.Cap)} 元，按 {Yuan(rules.Cap)} 元", $", above the cap of {Yuan(rules.Cap)} yuan: {Yuan(rules.Cap)} yuan");
            amount = rules.Cap;
        }
        else
        {
            text = rules.Cap > 0 && rules.AmountKind == AmountKind.PercentOfCost
                ? new($"，低于上限 {Yuan(rules.Cap)} 元", $", within the cap of {Yuan(rules.Cap)} yuan")
                : new("", "");
        }

        if (rules.PeriodCap <= 0 || receivedBefore + amount <= rules.PeriodCap)
        {
            return (amount, text);
        }

        var left = Math.Max(0, rules.PeriodCap - receivedBefore);
        return (left, new($"{text.Zh}；本期累计上限 {Yuan(rules.PeriodCap)} 元，已获 {Yuan(receivedBefore)} 元，本次按 {Yuan(left)} 元",
            $"{text.En}; the period cap is {Yuan(rules.PeriodCap)} yuan and {Yuan(receivedBefore)} yuan was received: {Yuan(left)} yuan now"));
    }
}