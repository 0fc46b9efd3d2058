using WorkersHome.Modules.Members.CodeTables;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Modules.Members.Register;

/// <summary>A member record as a form, the API or an import row gives it. Codes may be given as code or label.</summary>
public sealed record MemberInput
{
    public long OrgId { get; init; }

    public string? Name { get; init; }

    public Gender? Gender { get; init; }

    public string? Ethnicity { get; init; }

    public IdDocumentType IdType { get; init; } = IdDocumentType.ResidentId;

    public string? IdNumber { get; init; }

    public DateOnly? BirthDate { get; init; }

    public string? Phone { get; init; }

    public string? Education { get; init; }

    public string? PoliticalStatus { get; init; }

    public string? EmployerName { get; init; }

    public EmploymentForm? EmploymentForm { get; init; }

    public string? PlatformName { get; init; }

    public bool IsMigrantWorker { get; init; }

    public string? HouseholdRegistration { get; init; }

    public DateOnly? JoinedOn { get; init; }

    /// <summary>The stored record as a form to edit: everything but the ID number and phone, which stay encrypted.</summary>
    public static MemberInput Of(Member m) => new()
    {
        OrgId = m.OrgId,
        Name = m.Name,
        Gender = m.Gender,
        Ethnicity = m.EthnicityCode,
        IdType = m.IdType,
        BirthDate = m.BirthDate,
        Education = m.EducationCode,
        PoliticalStatus = m.PoliticalStatusCode,
        EmployerName = m.EmployerName,
        EmploymentForm = m.EmploymentForm,
        PlatformName = m.PlatformName,
        IsMigrantWorker = m.IsMigrantWorker,
        HouseholdRegistration = m.HouseholdRegistration,
        JoinedOn = m.JoinedOn,
    };
}

/// <summary>The record after validation: codes resolved, ID facts read, everything consistent.</summary>
public sealed record ValidMember(MemberInput Input, string Name, Gender Gender, string EthnicityCode, string IdNumber,
    DateOnly BirthDate, string? Phone, string? EducationCode, string? PoliticalCode, EmploymentForm EmploymentForm, DateOnly JoinedOn);

/// <summary>Checks a member record against the data standard; every problem is named by field, in the user's language.</summary>
public sealed class MemberValidator(CodeTableCache codes)
{
    public async Task<ValidMember> ValidateAsync(MemberInput input, DateOnly today, CancellationToken ct) =>
        Validate(input, today, await codes.SnapshotAsync(ct));

    /// <summary>The same check without I/O, for many rows on several threads against one snapshot.</summary>
    public static ValidMember Validate(MemberInput input, DateOnly today, CodeTableSnapshot codes)
    {
        var errors = new FieldErrors();
        var raw = input.Name;
        input = Normalized(input);
        var name = input.Name ?? "";
        if (string.IsNullOrWhiteSpace(raw))
        {
            errors.Add(nameof(MemberInput.Name), "请填写姓名", "Enter the name");
        }
        else if (name.Length == 0)
        {
            errors.Add(nameof(MemberInput.Name), "姓名只能包含汉字、字母和间隔号（·），不能含数字或符号", "A name may only hold Chinese characters, letters and the middle dot (·), no digits or symbols");
        }
        else if (PersonName.Length(name) is < 2 or > PersonName.MaxLength)
        {
            errors.Add(nameof(MemberInput.Name), "姓名应为 2 到 50 个字", "A name has 2 to 50 characters");
        }

        var idNumber = input.IdNumber ?? "";
        var birth = input.BirthDate;
        var gender = input.Gender;
        if (input.IdType == IdDocumentType.ResidentId)
        {
            var (facts, error) = ResidentIdNumber.Parse(idNumber, today);
            if (error is { } e)
            {
                errors.Add(nameof(MemberInput.IdNumber), e.Zh, e.En);
            }
            else
            {
                if (birth is { } b && b != facts!.BirthDate)
                {
                    errors.Add(nameof(MemberInput.BirthDate), "出生日期与身份证号码不一致", "The birth date does not match the ID number");
                }

                if (gender is { } g && g != facts!.Gender)
                {
                    errors.Add(nameof(MemberInput.Gender), "性别与身份证号码不一致", "The gender does not match the ID number");
                }

                birth = facts!.BirthDate;
                gender = facts.Gender;
            }
        }
        else if (idNumber.Length is < 5 or > 20 || !idNumber.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add(nameof(MemberInput.IdNumber), "证件号码应为 5 到 20 位字母或数字", "The document number has 5 to 20 letters or digits");
        }

        // A resident ID that cannot be read is the one problem to name: birth date and gender would have come from it.
        var idUnreadable = input.IdType == IdDocumentType.ResidentId && errors.Has(nameof(MemberInput.IdNumber));
        if (birth is null && !idUnreadable)
        {
            errors.Add(nameof(MemberInput.BirthDate), "请填写出生日期", "Enter the birth date");
        }

        if ((gender is null && !idUnreadable) || (gender is { } chosen && !Enum.IsDefined(chosen)))
        {
            errors.Add(nameof(MemberInput.Gender), "请选择性别", "Choose the gender");
        }

        var ethnicity = codes.Resolve(CodeTableNames.Ethnicity, input.Ethnicity);
        if (string.IsNullOrEmpty(input.Ethnicity))
        {
            errors.Add(nameof(MemberInput.Ethnicity), "请填写民族", "Enter the ethnicity");
        }
        else if (ethnicity is null)
        {
            errors.Add(nameof(MemberInput.Ethnicity), $"未知的民族代码或名称：{input.Ethnicity}", $"Unknown ethnicity code or name: {input.Ethnicity}");
        }

        var education = OptionalCode(codes, errors, CodeTableNames.Education, nameof(MemberInput.Education), input.Education, "学历", "education");
        var political = OptionalCode(codes, errors, CodeTableNames.PoliticalStatus, nameof(MemberInput.PoliticalStatus), input.PoliticalStatus, "政治面貌", "political status");

        var phone = string.IsNullOrEmpty(input.Phone) ? null : input.Phone;
        if (phone is not null && !MobileNumber.IsValid(phone))
        {
            errors.Add(nameof(MemberInput.Phone), "手机号码应为以 1 开头的 11 位数字", "A mobile number has 11 digits starting with 1");
        }

        if (input.EmploymentForm is null || !Enum.IsDefined(input.EmploymentForm.Value))
        {
            errors.Add(nameof(MemberInput.EmploymentForm), "请选择用工形式", "Choose the employment form");
        }
        else if (input.EmploymentForm == Members.EmploymentForm.Flexible && string.IsNullOrWhiteSpace(input.PlatformName))
        {
            errors.Add(nameof(MemberInput.PlatformName), "灵活就业人员请填写所在平台", "Name the platform for flexible (gig) work");
        }

        // The stored lengths: a longer value would otherwise fail at the database, without naming the field.
        TooLong(errors, nameof(MemberInput.EmployerName), input.EmployerName, 200, "工作单位", "The employer");
        TooLong(errors, nameof(MemberInput.PlatformName), input.PlatformName, 100, "平台名称", "The platform");
        TooLong(errors, nameof(MemberInput.HouseholdRegistration), input.HouseholdRegistration, 200, "户籍所在地", "The household registration");

        var joined = input.JoinedOn ?? today;
        if (joined > today)
        {
            errors.Add(nameof(MemberInput.JoinedOn), "入会日期不能晚于今天", "The join date cannot be in the future");
        }
        else if (birth is { } born && joined < born.AddYears(16))
        {
            errors.Add(nameof(MemberInput.JoinedOn), "入会时应年满 16 周岁", "Members join at 16 or older");
        }

        errors.ThrowIfAny();
        return new ValidMember(input, name, gender!.Value, ethnicity!, idNumber, birth!.Value, phone, education, political,
            input.EmploymentForm!.Value, joined);
    }

    private static void TooLong(FieldErrors errors, string field, string? value, int max, string zh, string en)
    {
        if (value?.Trim().Length > max)
        {
            errors.Add(field, $"{zh}不能超过 {max} 个字", $"{en} may have at most {max} characters");
        }
    }

    /// <summary>
    /// The input as it will be checked and stored: full-width digits, odd spaces, phone decoration and a
    /// lowercase x no longer stand between a cadre and a valid record. The name is empty when it cannot be one.
    /// </summary>
    public static MemberInput Normalized(MemberInput input) => input with
    {
        Name = PersonName.Normalize(input.Name) ?? (string.IsNullOrWhiteSpace(input.Name) ? null : ""),
        Ethnicity = InputText.Clean(input.Ethnicity),
        IdNumber = InputText.IdNumber(input.IdNumber),
        Phone = InputText.Phone(input.Phone),
        Education = InputText.Clean(input.Education),
        PoliticalStatus = InputText.Clean(input.PoliticalStatus),
        EmployerName = InputText.Clean(input.EmployerName),
        PlatformName = InputText.Clean(input.PlatformName),
        HouseholdRegistration = InputText.Clean(input.HouseholdRegistration),
    };

    private static string? OptionalCode(CodeTableSnapshot codes, FieldErrors errors, string table, string field, string? value, string zh, string en)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var code = codes.Resolve(table, value);
        if (code is null)
        {
            errors.Add(field, $"未知的{zh}代码或名称：{value}", $"Unknown {en} code or name: {value}");
        }

        return code;
    }
}