using System.Text.Json;

using WorkersHome.Modules.Members.Register;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Members.Import;

/// <summary>One reason rows were rejected for: how many rows, the first message as an example, the first few row numbers.</summary>
public sealed record RejectionReason(string Reason, string Label, int Rows, string Example, IReadOnlyList<int> FirstRows);

/// <summary>
/// Counts an import's rejections by reason (the field or check concerned), so that a file refused for one
/// systematic cause says so in one line ("学历：217 行") instead of leaving the cadre to read 217 rows.
/// </summary>
public sealed class RejectionSummary
{
    public const int RowsShown = 5;

    private readonly Dictionary<string, (int Rows, string Example, List<int> FirstRows)> _reasons = new(StringComparer.Ordinal);

    public void Add(int row, IEnumerable<RowProblem> problems)
    {
        foreach (var problem in problems.DistinctBy(p => p.Reason))
        {
            var (rows, example, first) = _reasons.GetValueOrDefault(problem.Reason, (0, problem.Text, []));
            if (first.Count < RowsShown)
            {
                first.Add(row);
            }

            _reasons[problem.Reason] = (rows + 1, example, first);
        }
    }

    public string ToJson() => JsonSerializer.Serialize(_reasons
        .Select(r => new RejectionReason(r.Key, LabelOf(r.Key), r.Value.Rows, r.Value.Example, r.Value.FirstRows))
        .OrderByDescending(r => r.Rows).ThenBy(r => r.FirstRows[0]).ToList());

    public static IReadOnlyList<RejectionReason> Parse(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<RejectionReason>>(json) ?? [];

    /// <summary>The reasons that are not a member field, raised by the import itself.</summary>
    public static class Checks
    {
        public const string UnionCode = "UnionCode";
        public const string Duplicate = "Duplicate";
        public const string Elsewhere = "Elsewhere";
    }

    private static string LabelOf(string reason) => reason switch
    {
        nameof(MemberInput.Name) => Loc.T("姓名有误", "Name"),
        nameof(MemberInput.Gender) => Loc.T("性别有误", "Gender"),
        nameof(MemberInput.Ethnicity) => Loc.T("民族无法识别", "Ethnicity not recognised"),
        nameof(MemberInput.IdType) => Loc.T("证件类型无法识别", "Document type not recognised"),
        nameof(MemberInput.IdNumber) => Loc.T("证件号码有误", "Document number"),
        nameof(MemberInput.BirthDate) => Loc.T("出生日期有误", "Birth date"),
        nameof(MemberInput.Phone) => Loc.T("手机号码有误", "Mobile number"),
        nameof(MemberInput.Education) => Loc.T("学历无法识别", "Education not recognised"),
        nameof(MemberInput.PoliticalStatus) => Loc.T("政治面貌无法识别", "Political status not recognised"),
        nameof(MemberInput.EmploymentForm) => Loc.T("用工形式有误", "Employment form"),
        nameof(MemberInput.PlatformName) => Loc.T("缺少平台名称", "Platform missing"),
        nameof(MemberInput.IsMigrantWorker) => Loc.T("是否农民工无法识别", "Migrant worker flag not recognised"),
        nameof(MemberInput.JoinedOn) => Loc.T("入会日期有误", "Join date"),
        Checks.UnionCode => Loc.T("基层工会代码不存在或不在管辖范围内", "Union code unknown or outside your tree"),
        Checks.Duplicate => Loc.T("文件内证件号码重复", "ID number repeated in the file"),
        Checks.Elsewhere => Loc.T("已是其他工会会员", "Already a member of another union"),
        _ => reason,
    };
}