using System.Text;
using System.Text.Json;

using WorkersHome.Modules.Members.Register;

namespace WorkersHome.Modules.Members.Import;

/// <summary>Where each template field sits in a file: its column index, and the required fields still unmatched.</summary>
public sealed record ColumnLayout(IReadOnlyDictionary<string, int> Columns, IReadOnlyList<string> Missing)
{
    /// <summary>The choice as stored on an import (field → header), so the runner reads the file the way it was checked.</summary>
    public string ToMap(string[] headers) => TemplateColumns.Serialize(Columns.ToDictionary(c => c.Key, c => headers[c.Value]));
}

/// <summary>
/// Recognises a file's headers: the template's names, the names rosters commonly use instead (所属工会,
/// 身份证号码, 联系电话 …), after trimming, full-width folding and dropping marks such as * or (必填); then
/// the union's remembered choices and the cadre's explicit ones for whatever is left.
/// </summary>
public static class TemplateColumns
{
    private static readonly Dictionary<string, string> Aliases = BuildAliases(new()
    {
        [MemberTemplate.Name] = ["姓名", "名字", "会员姓名", "职工姓名", "员工姓名", "会员名称"],
        [MemberTemplate.Gender] = ["性别"],
        [MemberTemplate.Ethnicity] = ["民族", "族别"],
        [MemberTemplate.IdType] = ["证件类型", "证件种类"],
        [MemberTemplate.IdNumber] = ["证件号码", "身份证号", "身份证号码", "公民身份号码", "身份证", "证件号", "身份证件号码"],
        [MemberTemplate.BirthDate] = ["出生日期", "出生年月", "生日", "出生年月日"],
        [MemberTemplate.Phone] = ["手机号码", "手机", "手机号", "联系电话", "电话", "联系方式", "移动电话", "电话号码"],
        [MemberTemplate.Education] = ["学历", "文化程度", "最高学历", "学历层次"],
        [MemberTemplate.Political] = ["政治面貌"],
        [MemberTemplate.UnionCode] = ["基层工会代码", "所属工会", "工会代码", "基层工会", "所属基层工会", "所属工会代码", "工会组织代码"],
        [MemberTemplate.Employer] = ["工作单位", "单位", "工作单位名称", "单位名称", "所在单位", "用人单位"],
        [MemberTemplate.EmploymentForm] = ["用工形式", "就业形式", "用工方式", "用工类型", "就业方式"],
        [MemberTemplate.Platform] = ["平台名称", "所在平台", "平台"],
        [MemberTemplate.Migrant] = ["是否农民工", "农民工", "是否为农民工"],
        [MemberTemplate.Household] = ["户籍所在地", "户籍", "户籍地", "户口所在地"],
        [MemberTemplate.JoinedOn] = ["入会日期", "入会时间", "入会年月"],
    });

    /// <summary>The template field a header names by itself, or null.</summary>
    public static string? FieldOf(string? header) => Aliases.GetValueOrDefault(Key(header));

    /// <summary>
    /// Matches the file's headers to the template's fields: explicit choices first, then the names the
    /// template and its aliases know, then the union's remembered choices for fields still open.
    /// </summary>
    public static ColumnLayout Match(string[] headers, IReadOnlyDictionary<string, string>? chosen, IReadOnlyDictionary<string, string>? remembered)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var used = new HashSet<int>();
        void Take(IReadOnlyDictionary<string, string>? map)
        {
            foreach (var (field, header) in map ?? new Dictionary<string, string>())
            {
                var index = IndexOf(headers, header);
                if (MemberTemplate.Headers.Contains(field) && !columns.ContainsKey(field) && index >= 0 && used.Add(index))
                {
                    columns[field] = index;
                }
            }
        }

        Take(chosen);
        for (var i = 0; i < headers.Length; i++)
        {
            if (FieldOf(headers[i]) is { } field && !columns.ContainsKey(field) && !used.Contains(i))
            {
                columns[field] = i;
                used.Add(i);
            }
        }

        Take(remembered);
        return new ColumnLayout(columns, MemberTemplate.Required.Where(r => !columns.ContainsKey(r)).ToList());
    }

    /// <summary>How many cells of a row are headers we know: the row with the most is the header row.</summary>
    public static int Recognised(string[] cells, IReadOnlyDictionary<string, string>? chosen, IReadOnlyDictionary<string, string>? remembered) =>
        cells.Count(c => FieldOf(c) is not null || Mentions(chosen, c) || Mentions(remembered, c));

    /// <summary>The header's comparable form: spaces, asterisks, colons and a trailing note in brackets dropped.</summary>
    public static string Key(string? header)
    {
        var text = InputText.Clean(header) ?? "";
        var open = text.IndexOf('(');
        if (open > 0 && text.EndsWith(')'))
        {
            text = text[..open];
        }

        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is not (' ' or '*' or ':' or '※'))
            {
                key.Append(c);
            }
        }

        return key.ToString();
    }

    public static Dictionary<string, string> Parse(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    public static string Serialize(IReadOnlyDictionary<string, string> map) => JsonSerializer.Serialize(map);

    private static int IndexOf(string[] headers, string header)
    {
        var key = Key(header);
        return Array.FindIndex(headers, h => Key(h) == key);
    }

    private static bool Mentions(IReadOnlyDictionary<string, string>? map, string cell) =>
        map is not null && cell.Length > 0 && map.Values.Any(h => Key(h) == Key(cell));

    private static Dictionary<string, string> BuildAliases(Dictionary<string, string[]> names)
    {
        var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, spellings) in names)
        {
            foreach (var spelling in spellings)
            {
                aliases[Key(spelling)] = field;
            }
        }

        return aliases;
    }
}