using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Errors;

namespace WorkersHome.Tests.Modules.Assistance;

/// <summary>Program rules as tables: eligibility, tiers, percentages with deductibles and caps, cumulative caps, brackets, approval by amount.</summary>
public sealed class ProgramRulesTests
{
    private static ApplicantFacts Facts(bool inArchive = true, HardshipCause causes = HardshipCause.Illness, MemberGroups groups = MemberGroups.None,
        SchoolLevel? school = null, decimal? cost = null, decimal before = 0) => new(inArchive, causes, groups, school, cost, before);

    private static readonly ProgramRules StudentAid = ProgramRules.DefaultsFor(ProgramType.StudentAid);

    private static readonly ProgramRules Medical = new()
    {
        OncePerPerson = false,
        AmountKind = AmountKind.PercentOfCost,
        Percent = 70,
        Cap = 50_000,
        PeriodCap = 60_000,
    };

    [Theory]
    [InlineData(SchoolLevel.Undergraduate, 5_000, "本科资助标准 5,000 元")]
    [InlineData(SchoolLevel.College, 3_000, "大专资助标准 3,000 元")]
    [InlineData(SchoolLevel.SeniorHigh, 2_000, "高中（中职）资助标准 2,000 元")]
    public void Student_aid_pays_by_school_level(SchoolLevel level, decimal amount, string explanation)
    {
        var judgement = RuleEvaluator.Judge(StudentAid, Facts(school: level));
        judgement.Eligible.ShouldBeTrue();
        judgement.Amount.ShouldBe(amount);
        judgement.Explanation.Zh.ShouldBe(explanation);
    }

    [Theory]
    [InlineData(false, SchoolLevel.Undergraduate, "不符合条件：须为在档困难职工家庭")]
    [InlineData(true, SchoolLevel.Primary, "不符合条件：小学不在资助范围内")]
    public void Student_aid_refuses_households_outside_the_archive_and_levels_without_a_tier(bool inArchive, SchoolLevel level, string explanation)
    {
        var judgement = RuleEvaluator.Judge(StudentAid, Facts(inArchive, school: level));
        judgement.Eligible.ShouldBeFalse();
        judgement.Amount.ShouldBe(0);
        judgement.Explanation.Zh.ShouldBe(explanation);
    }

    [Theory]
    [InlineData(0, 12_340, 0, true, 8_638, "住院自付 12,340 元 × 70% = 8,638 元，低于上限 50,000 元")]
    [InlineData(1_000, 12_340, 0, true, 7_938, "（住院自付 12,340 元 − 起付线 1,000 元） × 70% = 7,938 元，低于上限 50,000 元")]
    [InlineData(0, 100_000, 0, true, 50_000, "住院自付 100,000 元 × 70% = 70,000 元，超过单次上限 50,000 元，按 50,000 元")]
    [InlineData(0, 20_000, 50_000, true, 10_000, "住院自付 20,000 元 × 70% = 14,000 元，低于上限 50,000 元；本期累计上限 60,000 元，已获 50,000 元，本次按 10,000 元")]
    [InlineData(0, 20_000, 60_000, false, 0, "住院自付 20,000 元 × 70% = 14,000 元，低于上限 50,000 元；本期累计上限 60,000 元，已获 60,000 元，本次按 0 元，本次无可补助金额")]
    [InlineData(1_000, 800, 0, false, 0, "不符合条件：住院自付 800 元未超过起付线 1,000 元")]
    [InlineData(0, 333.33, 0, true, 233.33, "住院自付 333.33 元 × 70% = 233.33 元，低于上限 50,000 元")]
    public void A_percentage_of_cost_applies_the_deductible_then_the_caps(decimal deductible, decimal cost, decimal before, bool eligible, decimal amount, string explanation)
    {
        var judgement = RuleEvaluator.Judge(Medical with { Deductible = deductible }, Facts(cost: cost, before: before));
        judgement.Eligible.ShouldBe(eligible);
        judgement.Amount.ShouldBe(amount);
        judgement.Explanation.Zh.ShouldBe(explanation);
    }

    [Theory]
    [InlineData(3_000, 500, "医疗费用 3,000 元，属 0 元以上档，慰问金 500 元")]
    [InlineData(10_000, 1_000, "医疗费用 10,000 元，属 10,000 元以上档，慰问金 1,000 元")]
    [InlineData(80_000, 2_000, "医疗费用 80,000 元，属 50,000 元以上档，慰问金 2,000 元")]
    public void Consolation_money_goes_by_cost_bracket(decimal cost, decimal amount, string explanation)
    {
        var rules = new ProgramRules { AmountKind = AmountKind.ByCostBracket, CostName = "医疗费用", Brackets = [new(0, 500), new(10_000, 1_000), new(50_000, 2_000)] };
        var judgement = RuleEvaluator.Judge(rules, Facts(cost: cost));
        judgement.Amount.ShouldBe(amount);
        judgement.Explanation.Zh.ShouldBe(explanation);
    }

    [Theory]
    [InlineData(HardshipCause.Illness, MemberGroups.None, true, "")]
    [InlineData(HardshipCause.Unemployment, MemberGroups.None, false, "不符合条件：致困原因须为因病、因残之一")]
    [InlineData(HardshipCause.Illness | HardshipCause.Unemployment, MemberGroups.ModelWorker, true, "")]
    public void Causes_limit_who_is_eligible(HardshipCause causes, MemberGroups groups, bool eligible, string explanation)
    {
        var rules = new ProgramRules { RequireArchive = true, Causes = HardshipCause.Illness | HardshipCause.Disability, FixedAmount = 800 };
        var judgement = RuleEvaluator.Judge(rules, Facts(causes: causes, groups: groups));
        judgement.Eligible.ShouldBe(eligible);
        if (!eligible)
        {
            judgement.Explanation.Zh.ShouldBe(explanation);
        }
        else
        {
            judgement.Explanation.Zh.ShouldBe("定额补助 800 元");
        }
    }

    [Theory]
    [InlineData(false, false, false, 0, "不符合条件：须参加本期医疗互助")]
    [InlineData(true, false, true, 7_938, "（住院自付 12,340 元 − 起付线 1,000 元） × 70% = 7,938 元，低于上限 50,000 元")]
    [InlineData(true, true, true, 8_505, "（住院自付 12,340 元 − 起付线 1,000 元） × 75%（70% + 因病困难职工 5 个百分点） = 8,505 元，低于上限 50,000 元")]
    public void Mutual_aid_claims_need_enrolment_and_illness_hardship_adds_points(bool enrolled, bool illness, bool eligible, decimal amount, string explanation)
    {
        var rules = ProgramRules.DefaultsFor(ProgramType.MedicalMutualAid);
        var judgement = RuleEvaluator.Judge(rules, Facts(inArchive: illness, cost: 12_340) with { Enrolled = enrolled, IllnessHardship = illness });
        (judgement.Eligible, judgement.Amount).ShouldBe((eligible, amount));
        judgement.Explanation.Zh.ShouldBe(explanation);
    }

    [Fact]
    public void Model_worker_allowances_need_the_group()
    {
        var rules = ProgramRules.DefaultsFor(ProgramType.ModelWorkerAllowance);
        RuleEvaluator.Judge(rules, Facts(inArchive: false)).Explanation.Zh.ShouldBe("不符合条件：须属于会员群体：劳动模范");
        RuleEvaluator.Judge(rules, Facts(inArchive: false, groups: MemberGroups.ModelWorker)).Amount.ShouldBe(1_000);
    }

    [Theory]
    [InlineData(3_000, 5, 1)]
    [InlineData(3_000.01, 3, 1)]
    [InlineData(20_000, 3, 1)]
    [InlineData(20_000.01, 3, 2)]
    public void Approval_goes_up_the_tree_by_amount(decimal amount, int level, int approvers)
    {
        var plan = ApprovalPlan.For(new ProgramRules(), amount);
        plan.Level.ShouldBe(level);
        plan.Approvers.ShouldBe(approvers);
    }

    [Fact]
    public void Rules_that_cannot_be_judged_are_refused_naming_the_field_and_row()
    {
        var rules = new ProgramRules
        {
            AmountKind = AmountKind.BySchoolLevel,
            SchoolTiers = [new(SchoolLevel.College, 3_000), new(SchoolLevel.College, 0), new(SchoolLevel.Undergraduate, 5_000), new(SchoolLevel.Undergraduate, 6_000)],
            LevelAbove = 5,
            TwoApproversAbove = 100,
        };
        var errors = Should.Throw<ValidationFailedException>(() => ProgramRulesValidation.Validate(rules)).Errors;
        errors["SchoolTiers[1]"].ShouldContain("学段第 2 行：金额应大于 0 元");
        errors["SchoolTiers[3]"].ShouldContain("学段第 4 行：本科重复");
        errors.ShouldContainKey("LevelAbove");
        errors.ShouldContainKey("TwoApproversAbove");

        var brackets = new ProgramRules { AmountKind = AmountKind.ByCostBracket, Brackets = [new(5_000, 500), new(1_000, 800)] };
        Should.Throw<ValidationFailedException>(() => ProgramRulesValidation.Validate(brackets)).Errors["Brackets[1]"].ShouldContain("费用档次第 2 行：起点应高于上一行");
        Should.Throw<ValidationFailedException>(() => ProgramRulesValidation.Validate(new ProgramRules { AmountKind = AmountKind.PercentOfCost, Percent = 120 }))
            .Errors.ShouldContainKey("Percent");
    }
}