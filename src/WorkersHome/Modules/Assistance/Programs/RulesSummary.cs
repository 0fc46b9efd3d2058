using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Localization;

using static WorkersHome.Modules.Assistance.Programs.ProgramNames;

namespace WorkersHome.Modules.Assistance.Programs;

/// <summary>A program's rules in one sentence per part, for members choosing a program and cadres reading a version.</summary>
public static class RulesSummary
{
    public static LocalizedText Describe(ProgramRules r)
    {
        var who = Who(r);
        var amount = Amount(r);
        return new($"{who.Zh}；{amount.Zh}", $"{who.En}; {amount.En}");
    }

    public static LocalizedText Who(ProgramRules r)
    {
        var zh = new List<string>();
        var en = new List<string>();
        if (r.RequireEnrollment)
        {
            zh.Add("本期医疗互助参保人");
            en.Add("people enrolled in this period's mutual aid");
        }

        if (r.RequireArchive)
        {
            zh.Add("在档困难职工家庭");
            en.Add("households in the hardship archive");
        }

        if (r.Causes != HardshipCause.None)
        {
            zh.Add($"致困原因为{HardshipNames.CauseList(r.Causes)}");
            en.Add($"causes: {HardshipNames.CauseList(r.Causes)}");
        }

        if (r.Groups != MemberGroups.None)
        {
            var names = MemberGroupNames.Names(r.Groups);
            zh.Add(names.Zh);
            en.Add(names.En);
        }

        return zh.Count == 0 ? new("全体会员", "all members") : new(string.Join("、", zh), string.Join(", ", en));
    }

    public static LocalizedText Amount(ProgramRules r)
    {
        var caps = new LocalizedText(
            (r.Cap > 0 ? $"，单次最高 {Yuan(r.Cap)} 元" : "") + (r.PeriodCap > 0 ? $"，本期累计最高 {Yuan(r.PeriodCap)} 元" : ""),
            (r.Cap > 0 ? $", at most {Yuan(r.Cap)} yuan a claim" : "") + (r.PeriodCap > 0 ? $", {Yuan(r.PeriodCap)} yuan in the period" : ""));
        return r.AmountKind switch
        {
            AmountKind.BySchoolLevel => new(
                "按学段：" + string.Join("、", r.SchoolTiers.Select(t => $"{School(t.Level).Zh} {Yuan(t.Amount)} 元")),
                "by school level: " + string.Join(", ", r.SchoolTiers.Select(t => $"{School(t.Level).En} {Yuan(t.Amount)} yuan"))),
            AmountKind.PercentOfCost => new(
                $"{r.CostName}{(r.Deductible > 0 ? $"超过起付线 {Yuan(r.Deductible)} 元的部分" : "")}按 {Yuan(r.Percent)}% 补助{(r.IllnessHardshipBonus > 0 ? $"（因病困难职工加 {Yuan(r.IllnessHardshipBonus)} 个百分点）" : "")}{caps.Zh}",
                $"{Yuan(r.Percent)}% of {r.CostName}{(r.Deductible > 0 ? $" above the deductible of {Yuan(r.Deductible)} yuan" : "")}{caps.En}"),
            AmountKind.ByCostBracket => new(
                $"按{r.CostName}分档：" + string.Join("、", r.Brackets.Select(b => $"{Yuan(b.From)} 元以上 {Yuan(b.Amount)} 元")) + caps.Zh,
                $"by {r.CostName} bracket: " + string.Join(", ", r.Brackets.Select(b => $"from {Yuan(b.From)} yuan {Yuan(b.Amount)} yuan")) + caps.En),
            _ => new($"定额 {Yuan(r.FixedAmount)} 元{caps.Zh}", $"fixed {Yuan(r.FixedAmount)} yuan{caps.En}"),
        };
    }

    public static LocalizedText Approval(ProgramRules r)
    {
        var above = ArchiveOptions.LevelName(r.LevelAbove);
        var two = r.TwoApproversAbove > 0
            ? new LocalizedText($"；{Yuan(r.TwoApproversAbove)} 元以上须两名不同审批人", $"; above {Yuan(r.TwoApproversAbove)} yuan two different approvers")
            : new LocalizedText("", "");
        var spot = r.OnTheSpotUpTo > 0
            ? new LocalizedText($"；{Yuan(r.OnTheSpotUpTo)} 元及以下在工会窗口当场审批支付", $"; up to {Yuan(r.OnTheSpotUpTo)} yuan decided on the spot at the union's desk")
            : new LocalizedText("", "");
        return new($"{Yuan(r.GrassrootsUpTo)} 元及以下由基层工会审批，以上由{above.Zh}审批{two.Zh}{spot.Zh}",
            $"up to {Yuan(r.GrassrootsUpTo)} yuan the grassroots union approves, above it a {above.En}{two.En}{spot.En}");
    }
}