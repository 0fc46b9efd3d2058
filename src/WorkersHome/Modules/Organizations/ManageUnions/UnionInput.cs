using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Errors;

namespace WorkersHome.Modules.Organizations.ManageUnions;

/// <summary>The editable fields of a grassroots union, as a form or the API sends them.</summary>
public sealed record UnionInput
{
    public string? Name { get; init; }

    public UnionType? UnionType { get; init; }

    public string? EmployerName { get; init; }

    public string? CreditCode { get; init; }

    public string? Address { get; init; }

    public DateOnly? FoundedOn { get; init; }

    public string? ChairName { get; init; }

    public string? ContactName { get; init; }

    public string? ContactPhone { get; init; }

    /// <summary>Employer unions must name their employer and its credit code; regional and gig unions need not.</summary>
    public static bool NeedsEmployer(UnionType? type) =>
        type is Organizations.UnionType.Enterprise or Organizations.UnionType.PublicInstitution or Organizations.UnionType.GovernmentAgency;

    public void Validate(DateOnly today)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add(nameof(Name), "请填写工会名称", "Enter the union's name");
        }
        else if (Name.Trim().Length > 100)
        {
            errors.Add(nameof(Name), "工会名称不能超过 100 个字", "The name may have at most 100 characters");
        }

        if (UnionType is null || !Enum.IsDefined(UnionType.Value))
        {
            errors.Add(nameof(UnionType), "请选择工会类型", "Choose the union type");
        }

        if (NeedsEmployer(UnionType) && string.IsNullOrWhiteSpace(EmployerName))
        {
            errors.Add(nameof(EmployerName), "请填写所在单位名称", "Enter the employer's name");
        }

        var credit = CreditCode?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(credit))
        {
            if (NeedsEmployer(UnionType))
            {
                errors.Add(nameof(CreditCode), "请填写单位的统一社会信用代码", "Enter the employer's unified social credit code");
            }
        }
        else if (credit.Length != 18)
        {
            errors.Add(nameof(CreditCode), "统一社会信用代码应为 18 位", "The unified social credit code has 18 characters");
        }
        else if (!Contracts.CreditCode.IsValid(credit))
        {
            errors.Add(nameof(CreditCode), "统一社会信用代码校验位不正确", "The unified social credit code's check character is wrong");
        }

        if (FoundedOn is { } founded && founded > today)
        {
            errors.Add(nameof(FoundedOn), "成立日期不能晚于今天", "The founding date cannot be in the future");
        }

        if (!string.IsNullOrWhiteSpace(ContactPhone) && !IsPhone(ContactPhone.Trim()))
        {
            errors.Add(nameof(ContactPhone), "联系电话格式不正确（如 0371-65512351 或 13812345678）", "Phone format is wrong (e.g. 0371-65512351 or 13812345678)");
        }

        CheckLength(errors, nameof(EmployerName), EmployerName, 200, "所在单位", "Employer");
        CheckLength(errors, nameof(Address), Address, 200, "地址", "Address");
        CheckLength(errors, nameof(ChairName), ChairName, 50, "工会主席", "Chair");
        CheckLength(errors, nameof(ContactName), ContactName, 50, "联系人", "Contact");
        errors.ThrowIfAny();
    }

    private static bool IsPhone(string phone) =>
        phone.Length is >= 7 and <= 20 && phone.All(c => char.IsAsciiDigit(c) || c == '-') && char.IsAsciiDigit(phone[0]);

    private static void CheckLength(FieldErrors errors, string field, string? value, int max, string zh, string en)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(field, $"{zh}不能超过 {max} 个字", $"{en} may have at most {max} characters");
        }
    }

    public void ApplyTo(OrgUnit unit)
    {
        unit.Name = Name!.Trim();
        unit.UnionType = UnionType;
        unit.EmployerName = Clean(EmployerName);
        unit.CreditCode = Clean(CreditCode)?.ToUpperInvariant();
        unit.Address = Clean(Address);
        unit.FoundedOn = FoundedOn;
        unit.ChairName = Clean(ChairName);
        unit.ContactName = Clean(ContactName);
        unit.ContactPhone = Clean(ContactPhone);
    }

    public static UnionInput From(OrgUnit unit) => new()
    {
        Name = unit.Name,
        UnionType = unit.UnionType,
        EmployerName = unit.EmployerName,
        CreditCode = unit.CreditCode,
        Address = unit.Address,
        FoundedOn = unit.FoundedOn,
        ChairName = unit.ChairName,
        ContactName = unit.ContactName,
        ContactPhone = unit.ContactPhone,
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}