using System.Globalization;

using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Assistance.Archive;

public sealed record HouseholdMember
{
    public string? Name { get; init; }

    public string? Relation { get; init; }

    [FieldName("家庭成员年龄", "Household member's age")]

    public int? Age { get; init; }

    public HealthState? Health { get; init; }

    public string? Work { get; init; }

    /// <summary>Monthly income in yuan (wages, pensions, benefits).</summary>
    [FieldName("家庭成员月收入", "Household member's monthly income")]
    public decimal? MonthlyIncome { get; init; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Relation) && Age is null && MonthlyIncome is null;
}

/// <summary>The archive form as the member or a cadre fills it in.</summary>
public sealed record HardshipForm
{
    public List<HouseholdMember> Household { get; init; } = [];

    public HousingKind? Housing { get; init; }

    public HardshipCause[] Causes { get; init; } = [];

    public HardshipCause? PrimaryCause { get; init; }

    public string? Needs { get; init; }

    public string? Note { get; init; }
}

/// <summary>What is kept encrypted: the household rows (health, work, income), the needs and notes.</summary>
public sealed record HardshipDetails(List<HouseholdMember> Household, string Needs, string? Note)
{
    public decimal MonthlyIncome => Household.Sum(h => h.MonthlyIncome ?? 0);

    public decimal PerCapitaIncome => Household.Count == 0 ? 0 : Math.Round(MonthlyIncome / Household.Count, 2);
}

/// <summary>A valid form, as the file keeps it.</summary>
public sealed record ValidHardshipForm(HardshipDetails Details, HousingKind Housing, HardshipCause Causes, HardshipCause PrimaryCause);

public static class HardshipFormRules
{
    public const int MaxHousehold = 20;

    /// <summary>Checks the form and names every wrong field, household rows by their number as the form shows them.</summary>
    public static ValidHardshipForm Validate(HardshipForm form)
    {
        var errors = new FieldErrors();
        var rows = form.Household.Where(h => !h.IsBlank).ToList();
        if (rows.Count == 0)
        {
            errors.Add(nameof(HardshipForm.Household), "请填写家庭成员（至少本人一行）", "List the household (at least the member's own row)");
        }
        else if (rows.Count > MaxHousehold)
        {
            errors.Add(nameof(HardshipForm.Household), $"家庭成员最多 {MaxHousehold} 人", $"At most {MaxHousehold} household members");
        }

        for (var i = 0; i < form.Household.Count; i++)
        {
            if (!form.Household[i].IsBlank)
            {
                CheckRow(form.Household[i], i + 1, errors);
            }
        }

        if (rows.Count(r => r.Relation == "本人") != 1)
        {
            errors.Add(nameof(HardshipForm.Household), "家庭成员中须有且只有一行“本人”", "The household needs exactly one row for the member (本人)");
        }

        if (form.Housing is not { } housing || !Enum.IsDefined(housing))
        {
            errors.Add(nameof(HardshipForm.Housing), "请选择住房情况", "Choose the housing");
        }

        var causes = form.Causes.Aggregate(HardshipCause.None, (all, c) => all | c);
        if (causes == HardshipCause.None || form.Causes.Any(c => !HardshipNames.Causes.Contains(c)))
        {
            errors.Add(nameof(HardshipForm.Causes), "请选择致困原因（可多选）", "Choose the causes of hardship (one or more)");
        }
        else if (form.PrimaryCause is not { } primary || !causes.HasFlag(primary) || !HardshipNames.Causes.Contains(primary))
        {
            errors.Add(nameof(HardshipForm.PrimaryCause), "请在所选致困原因中指定一个主要原因", "Choose the primary cause among those ticked");
        }

        Text(form.Needs, nameof(HardshipForm.Needs), "帮扶需求", "the needs", required: true, errors);
        Text(form.Note, nameof(HardshipForm.Note), "补充说明", "the note", required: false, errors);
        errors.ThrowIfAny();
        var household = rows.Select(r => r with { Name = r.Name!.Trim(), Work = r.Work?.Trim() }).ToList();
        return new ValidHardshipForm(new HardshipDetails(household, form.Needs!.Trim(), string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim()),
            form.Housing!.Value, causes, form.PrimaryCause!.Value);
    }

    /// <summary>
    /// The income rule, in the words the history keeps: the household's monthly income per person against the
    /// province's hardship line. Above the line, an approval must give its reason.
    /// </summary>
    public static (bool BelowLine, string Text) IncomeOutcome(HardshipDetails details, decimal line)
    {
        var perCapita = details.PerCapitaIncome;
        var figures = $"{details.MonthlyIncome.ToString("#,0.##", CultureInfo.InvariantCulture)} 元 ÷ {details.Household.Count} 人 = {perCapita.ToString("#,0.00", CultureInfo.InvariantCulture)} 元";
        var lineText = line.ToString("#,0.##", CultureInfo.InvariantCulture);
        return perCapita <= line
            ? (true, Loc.T($"家庭月收入 {figures}，不高于困难标准 {lineText} 元", $"Household income {figures} per person, within the hardship line of {lineText} yuan"))
            : (false, Loc.T($"家庭月收入 {figures}，高于困难标准 {lineText} 元，须说明特殊困难", $"Household income {figures} per person, above the hardship line of {lineText} yuan: needs a reason"));
    }

    private static void CheckRow(HouseholdMember row, int number, FieldErrors errors)
    {
        var field = $"Household[{number - 1}]";
        var prefix = $"家庭成员第 {number} 行：";
        var prefixEn = $"Household row {number}: ";
        if (string.IsNullOrWhiteSpace(row.Name) || row.Name.Trim().Length > 20)
        {
            errors.Add(field + ".Name", prefix + "请填写姓名（20 字以内）", prefixEn + "give the name (up to 20 characters)");
        }

        if (row.Relation is null || !HardshipNames.Relations.Contains(row.Relation))
        {
            errors.Add(field + ".Relation", prefix + "请选择与本人关系", prefixEn + "choose the relation");
        }

        if (row.Age is not (>= 0 and <= 120))
        {
            errors.Add(field + ".Age", prefix + "年龄应在 0–120 之间", prefixEn + "the age must be 0–120");
        }

        if (row.Health is not { } health || !Enum.IsDefined(health))
        {
            errors.Add(field + ".Health", prefix + "请选择健康状况", prefixEn + "choose the health");
        }

        if (row.MonthlyIncome is not (>= 0 and <= 1_000_000) || decimal.Round(row.MonthlyIncome.Value, 2) != row.MonthlyIncome)
        {
            errors.Add(field + ".MonthlyIncome", prefix + "月收入应为 0 或正数（元，最多两位小数）", prefixEn + "monthly income must be 0 or more (yuan, two decimals at most)");
        }

        if (row.Work?.Trim().Length > 30)
        {
            errors.Add(field + ".Work", prefix + "就业情况 30 字以内", prefixEn + "work: up to 30 characters");
        }
    }

    private static void Text(string? value, string field, string zh, string en, bool required, FieldErrors errors)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"请填写{zh}", $"Fill in {en}");
        }
        else if (value?.Trim().Length > 500)
        {
            errors.Add(field, $"{zh}不超过 500 字", $"Keep {en} within 500 characters");
        }
    }
}