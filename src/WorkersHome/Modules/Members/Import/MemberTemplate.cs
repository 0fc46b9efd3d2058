using System.Globalization;

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

    public static readonly string[] Headers =
        [Name, Gender, Ethnicity, IdType, IdNumber, BirthDate, Phone, Education, Political, UnionCode, Employer, EmploymentForm, Platform, Migrant, Household, JoinedOn];

    /// <summary>Columns without which no row can be read.</summary>
    public static readonly string[] Required = [Name, IdNumber, UnionCode, EmploymentForm];

    private static readonly Dictionary<string, Members.Gender> Genders = new() { ["男"] = Members.Gender.Male, ["女"] = Members.Gender.Female, ["1"] = Members.Gender.Male, ["2"] = Members.Gender.Female };
    private static readonly Dictionary<string, IdDocumentType> IdTypes = new()
    {
        ["居民身份证"] = IdDocumentType.ResidentId,
        ["身份证"] = IdDocumentType.ResidentId,
        ["港澳居民来往内地通行证"] = IdDocumentType.HongKongMacaoPermit,
        ["台湾居民来往大陆通行证"] = IdDocumentType.TaiwanPermit,
        ["护照"] = IdDocumentType.Passport,
    };
    private static readonly Dictionary<string, Members.EmploymentForm> Forms = new()
    {
        ["全日制"] = Members.EmploymentForm.FullTime,
        ["劳务派遣"] = Members.EmploymentForm.Dispatched,
        ["非全日制"] = Members.EmploymentForm.PartTime,
        ["灵活就业"] = Members.EmploymentForm.Flexible,
        ["新就业形态"] = Members.EmploymentForm.Flexible,
    };

    public static string GenderText(Members.Gender gender) => gender == Members.Gender.Male ? "男" : "女";

    public static string FormText(Members.EmploymentForm form) => Forms.First(f => f.Value == form).Key;

    public static string IdTypeText(IdDocumentType type) => IdTypes.First(t => t.Value == type).Key;

    /// <summary>Reads one row into an input and the union code; cell problems are listed per column.</summary>
    public static (MemberInput Input, string UnionCode, List<string> Problems) Read(Func<string, string?> cell)
    {
        var problems = new List<string>();
        T? Lookup<T>(string column, Dictionary<string, T> table)
            where T : struct
        {
            var value = cell(column)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            if (table.TryGetValue(value, out var found) || (Enum.TryParse<T>(value, true, out found) && !int.TryParse(value, out _)))
            {
                return found;
            }

            problems.Add(Loc.T($"{column}“{value}”无法识别", $"{column} '{value}' is not recognised"));
            return null;
        }

        DateOnly? Date(string column)
        {
            var value = cell(column)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            string[] formats = ["yyyy-MM-dd", "yyyy/M/d", "yyyyMMdd", "yyyy-M-d", "yyyy.M.d"];
            if (DateOnly.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            problems.Add(Loc.T($"{column}“{value}”不是日期（如 2015-06-01）", $"{column} '{value}' is not a date (e.g. 2015-06-01)"));
            return null;
        }

        var migrant = cell(Migrant)?.Trim();
        var input = new MemberInput
        {
            Name = cell(Name),
            Gender = Lookup(Gender, Genders),
            Ethnicity = cell(Ethnicity),
            IdType = Lookup(IdType, IdTypes) ?? IdDocumentType.ResidentId,
            IdNumber = cell(IdNumber),
            BirthDate = Date(BirthDate),
            Phone = cell(Phone),
            Education = cell(Education),
            PoliticalStatus = cell(Political),
            EmployerName = cell(Employer),
            EmploymentForm = Lookup(EmploymentForm, Forms),
            PlatformName = cell(Platform),
            IsMigrantWorker = migrant is "是" or "Y" or "y" or "1" or "true" or "TRUE",
            HouseholdRegistration = cell(Household),
            JoinedOn = Date(JoinedOn),
        };
        return (input, cell(UnionCode)?.Trim() ?? "", problems);
    }
}