using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Platform.Errors;

namespace WorkersHome.Tests.Modules.Assistance;

/// <summary>The archive form's rules, the income finding, the approving level per province and the document checks, as tables.</summary>
public sealed class HardshipRulesTests
{
    public static HardshipForm Form(params HouseholdMember[] household) => new()
    {
        Household = household.ToList(),
        Housing = HousingKind.Rented,
        Causes = [HardshipCause.Illness, HardshipCause.Education],
        PrimaryCause = HardshipCause.Illness,
        Needs = "住院费用和子女学费",
    };

    public static HouseholdMember Row(string relation, int age, decimal income, HealthState health = HealthState.Healthy, string? name = null) =>
        new() { Name = name ?? relation + "甲", Relation = relation, Age = age, Health = health, Work = "在职", MonthlyIncome = income };

    [Fact]
    public void A_valid_form_keeps_the_household_and_ignores_blank_rows()
    {
        var valid = HardshipFormRules.Validate(Form(Row("本人", 45, 1800m, HealthState.SeriousIllness), new HouseholdMember(), Row("子女", 16, 0m)));
        valid.Details.Household.Count.ShouldBe(2);
        valid.Causes.ShouldBe(HardshipCause.Illness | HardshipCause.Education);
        valid.Details.PerCapitaIncome.ShouldBe(900m);
    }

    [Fact]
    public void A_household_of_twenty_is_accepted_and_a_twenty_first_person_is_named_as_too_many()
    {
        static HouseholdMember[] Household(int people) => [Row("本人", 45, 1800m), .. Enumerable.Range(1, people - 1).Select(i => Row("其他", 30, 0m, name: $"成员{i}"))];

        HardshipFormRules.Validate(Form(Household(20))).Details.Household.Count.ShouldBe(20);
        var error = Should.Throw<ValidationFailedException>(() => HardshipFormRules.Validate(Form(Household(21))));
        string.Join(" ", error.Errors["Household"]).ShouldContain("家庭成员最多 20 人");
    }

    [Theory]
    [InlineData("age", "Household[1].Age", "家庭成员第 2 行：年龄应在 0–120 之间")]
    [InlineData("income", "Household[1].MonthlyIncome", "家庭成员第 2 行：月收入应为 0 或正数")]
    [InlineData("relation", "Household[1].Relation", "家庭成员第 2 行：请选择与本人关系")]
    [InlineData("self", "Household", "有且只有一行“本人”")]
    [InlineData("primary", "PrimaryCause", "请在所选致困原因中指定一个主要原因")]
    [InlineData("causes", "Causes", "请选择致困原因")]
    [InlineData("needs", "Needs", "请填写帮扶需求")]
    [InlineData("housing", "Housing", "请选择住房情况")]
    public void Each_wrong_field_is_named_in_Chinese_with_its_row(string wrong, string field, string message)
    {
        var second = wrong switch
        {
            "age" => Row("子女", 130, 0m),
            "income" => Row("子女", 10, -5m),
            "relation" => Row("邻居", 10, 0m),
            "self" => Row("本人", 10, 0m),
            _ => Row("子女", 10, 0m),
        };
        var form = Form(Row("本人", 45, 1800m), second);
        form = wrong switch
        {
            "primary" => form with { PrimaryCause = HardshipCause.Disaster },
            "causes" => form with { Causes = [], PrimaryCause = null },
            "needs" => form with { Needs = " " },
            "housing" => form with { Housing = null },
            _ => form,
        };

        var error = Should.Throw<ValidationFailedException>(() => HardshipFormRules.Validate(form));
        error.Errors.Keys.ShouldContain(field);
        string.Join(" ", error.Errors[field]).ShouldContain(message);
    }

    [Theory]
    [InlineData(2000, 2, 1000, true, "家庭月收入 2,000 元 ÷ 2 人 = 1,000.00 元，不高于困难标准 1,000 元")]
    [InlineData(2001, 2, 1000, false, "家庭月收入 2,001 元 ÷ 2 人 = 1,000.50 元，高于困难标准 1,000 元，须说明特殊困难")]
    [InlineData(0, 3, 850, true, "家庭月收入 0 元 ÷ 3 人 = 0.00 元，不高于困难标准 850 元")]
    public void The_income_finding_is_explained_in_figures(decimal income, int people, decimal line, bool below, string text)
    {
        var household = Enumerable.Range(0, people).Select(i => Row(i == 0 ? "本人" : "子女", 30, i == 0 ? income : 0m)).ToList();
        var (belowLine, finding) = HardshipFormRules.IncomeOutcome(new HardshipDetails(household, "x", null), line);
        belowLine.ShouldBe(below);
        finding.ShouldBe(text);
    }

    [Theory]
    [InlineData("41/4101/", 3)]
    [InlineData("23/2301/", 2)]
    [InlineData("", 3)]
    public void The_approving_level_is_set_per_province(string path, int level)
    {
        var options = new ArchiveOptions { ApprovalLevelByProvince = { ["23"] = 2 }, IncomeLineByProvince = { ["23"] = 1200m } };
        options.ApprovalLevelFor(path).ShouldBe(level);
        options.IncomeLineFor(path).ShouldBe(path.StartsWith("23", StringComparison.Ordinal) ? 1200m : 1000m);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2 }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0 }, null)]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38 }, null)]
    public void Documents_claim_their_type_by_their_content(byte[] content, string? type) => WorkersHome.Platform.Files.UploadedDocuments.Claimed(content).ShouldBe(type);

    [Theory]
    [InlineData("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj", "application/pdf")]
    [InlineData("%PDF-1.7\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj", null)]
    [InlineData("%PDF-1.4\n1 0 obj << /S /Launch /F (cmd.exe) >> endobj", null)]
    [InlineData("%PDF-1.4\n1 0 obj << /Type /EmbeddedFile >> endobj", null)]
    public void A_pdf_with_active_content_is_refused(string content, string? type) =>
        WorkersHome.Platform.Files.UploadedDocuments.Claimed(System.Text.Encoding.Latin1.GetBytes(content)).ShouldBe(type);
}