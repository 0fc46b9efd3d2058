using WorkersHome.Modules.Members.Register;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Members.Import;

/// <summary>
/// The published import template: Chinese headers in a fixed set; codes may be given as code or label.
/// A cell that cannot be read becomes a named error for its row.
/// </summary>
public static class MemberTemplate
{
    public const string Name = "姓名";
    public const string Gender = "性别";
    public const string Ethnicity = "民族";
    public const string IdType = "证件类型";
    public const string IdNumber = "证件号码";
    public const string BirthDate = "出生日期";
    public const string Phone = "手机号码";
    public const string Education = "学历";
    public const string Political = "政治面貌";
    public const string UnionCode = "基层工会代码";
    public const string Employer = "工作单位";
    public const string EmploymentForm = "用工形式";
    public const string Platform = "平台名称";
    public const string Migrant = "是否农民工";
    public const string Household = "户籍所在地";
    public const string JoinedOn = "入会日期";
    public const string ErrorColumn = "错误";
    public const string RowNumberColumn = "原行号";

    public static readonly string[] Headers =
        [Name, Gender, Ethnicity, IdType, IdNumber, BirthDate, Phone, Education, Political, UnionCode, Employer, EmploymentForm, Platform, Migrant, Household, JoinedOn];

    /// <summary>Columns without which no row can be read.</summary>
    public static readonly string[] Required = [Name, IdNumber, UnionCode, EmploymentForm];

    private static readonly Spellings<Members.Gender> Genders = new()
    {
        [Members.Gender.Male] = ["男", "男性", "1", "M", "Male"],
        [Members.Gender.Female] = ["女", "女性", "2", "F", "Female"],
    };

    private static readonly Spellings<IdDocumentType> IdTypes = new()
    {
        [IdDocumentType.ResidentId] = ["居民身份证", "身份证", "二代身份证", "第二代居民身份证", "中华人民共和国居民身份证", "大陆居民身份证", "ResidentId"],
        [IdDocumentType.HongKongMacaoPermit] = ["港澳居民来往内地通行证", "港澳通行证", "回乡证", "港澳台居民来往内地通行证", "HongKongMacaoPermit"],
        [IdDocumentType.TaiwanPermit] = ["台湾居民来往大陆通行证", "台胞证", "台湾通行证", "TaiwanPermit"],
        [IdDocumentType.Passport] = ["护照", "外国护照", "Passport"],
    };

    private static readonly Spellings<Members.EmploymentForm> Forms = new()
    {
        [Members.EmploymentForm.FullTime] = ["全日制", "合同制", "合同工", "正式工", "正式员工", "正式职工", "在编", "固定工", "全职", "劳动合同制", "长期合同工", "FullTime"],
        [Members.EmploymentForm.Dispatched] = ["劳务派遣", "派遣", "派遣工", "派遣制", "劳务派遣工", "外包派遣", "Dispatched"],
        [Members.EmploymentForm.PartTime] = ["非全日制", "兼职", "临时工", "小时工", "钟点工", "季节工", "非全日制用工", "PartTime"],
        [Members.EmploymentForm.Flexible] = ["灵活就业", "新就业形态", "灵活用工", "外卖骑手", "骑手", "外卖员", "快递员", "网约车司机", "网约配送员", "货车司机", "平台就业", "自由职业", "Flexible"],
    };

    private static readonly Spellings<bool> MigrantAnswers = new()
    {
        [true] = ["是", "Y", "Yes", "1", "true", "农民工", "是农民工"],
        [false] = ["否", "N", "No", "0", "false", "不是", "非农民工"],
    };

    /// <summary>The canonical spellings (the first of each list), as exports and the template write them.</summary>
    public static string GenderText(Members.Gender gender) => Genders[gender][0];

    public static string FormText(Members.EmploymentForm form) => Forms[form][0];

    public static string IdTypeText(IdDocumentType type) => IdTypes[type][0];

    /// <summary>Reads one row into an input and the union code; cell problems are listed per field.</summary>
    public static (MemberInput Input, string UnionCode, List<RowProblem> Problems) Read(Func<string, string?> cell)
    {
        var problems = new List<RowProblem>();
        T? Lookup<T>(string column, string field, Spellings<T> table)
            where T : struct
        {
            var value = InputText.Clean(cell(column));
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            if (table.Find(value) is { } found)
            {
                return found;
            }

            problems.Add(new RowProblem(field, Loc.T($"{column}“{value}”无法识别（可填：{table.Examples}）", $"{column} '{value}' is not recognised (use: {table.Examples})")));
            return null;
        }

        DateOnly? Date(string column, string field)
        {
            var value = InputText.Clean(cell(column));
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            if (LooseDate.TryParse(value, out var date))
            {
                return date;
            }

            problems.Add(new RowProblem(field, Loc.T($"{column}“{value}”不是日期（如 2015-06-01）", $"{column} '{value}' is not a date (e.g. 2015-06-01)")));
            return null;
        }

        var input = new MemberInput
        {
            Name = cell(Name),
            Gender = Lookup(Gender, nameof(MemberInput.Gender), Genders),
            Ethnicity = cell(Ethnicity),
            IdType = Lookup(IdType, nameof(MemberInput.IdType), IdTypes) ?? IdDocumentType.ResidentId,
            IdNumber = cell(IdNumber),
            BirthDate = Date(BirthDate, nameof(MemberInput.BirthDate)),
            Phone = cell(Phone),
            Education = cell(Education),
            PoliticalStatus = cell(Political),
            EmployerName = cell(Employer),
            EmploymentForm = Lookup(EmploymentForm, nameof(MemberInput.EmploymentForm), Forms),
            PlatformName = cell(Platform),
            IsMigrantWorker = Lookup(Migrant, nameof(MemberInput.IsMigrantWorker), MigrantAnswers) ?? false,
            HouseholdRegistration = cell(Household),
            JoinedOn = Date(JoinedOn, nameof(MemberInput.JoinedOn)),
        };
        return (input, InputText.Clean(cell(UnionCode)) ?? "", problems);
    }
}

/// <summary>One problem of an import row: the field (or check) it concerns, which groups the result page's summary, and its message.</summary>
public sealed record RowProblem(string Reason, string Text);

/// <summary>The ways people write the values of an enumeration the template reads, compared without case.</summary>
public sealed class Spellings<T> : Dictionary<T, string[]>
    where T : struct
{
    private Dictionary<string, T>? _lookup;

    public string Examples => string.Join("、", Values.Select(v => v[0]));

    public T? Find(string value)
    {
        _lookup ??= this.SelectMany(e => e.Value.Select(s => (s, e.Key))).ToDictionary(x => x.s, x => x.Key, StringComparer.OrdinalIgnoreCase);
        return _lookup.TryGetValue(value, out var found) ? found : null;
    }
}