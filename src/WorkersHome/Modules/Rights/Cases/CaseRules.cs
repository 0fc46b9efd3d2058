using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Modules.Rights.Cases;

/// <summary>The checks a new case passes, each naming its field.</summary>
public static class CaseRules
{
    public const int MaxSubject = 60;
    public const int MaxDetails = 2000;
    public const int MaxNote = 500;

    /// <summary>How many business days in all a case's clock may stand still while the union waits for the member.</summary>
    public const int MaxPauseDays = 10;

    /// <summary>Ten or more workers make a case a group case (群体性), handled as complex.</summary>
    public const int GroupCaseWorkers = 10;

    public const decimal MaxAmount = 1_000_000_000;

    public static string? Cut(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, max)];

    public static CaseComplexity ComplexityOf(CaseInput input) => input.Complexity is { } c && Enum.IsDefined(c)
        ? c
        : input.WorkersAffected >= GroupCaseWorkers ? CaseComplexity.Complex
        : input.Kind == CaseKind.Consultation ? CaseComplexity.Simple
        : CaseComplexity.Ordinary;

    /// <summary>Checks what does not need the database; <paramref name="hasMember"/> says whether the caller is a known member.</summary>
    public static void Check(CaseInput input, bool hasMember)
    {
        var errors = new FieldErrors();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(nameof(CaseInput.Kind), "请选择诉求类型（咨询、求决、投诉或意见建议）", "Choose the kind (consultation, request, complaint or suggestion)");
        }

        if (input.Topic is not { } topic || !Enum.IsDefined(topic))
        {
            errors.Add(nameof(CaseInput.Topic), "请选择问题类别", "Choose the topic");
        }

        if (input.Complexity is { } complexity && !Enum.IsDefined(complexity))
        {
            errors.Add(nameof(CaseInput.Complexity), "复杂程度无效", "The complexity is not valid");
        }

        if (string.IsNullOrWhiteSpace(input.Subject) || input.Subject.Trim().Length > MaxSubject)
        {
            errors.Add(nameof(CaseInput.Subject), $"请填写诉求摘要（{MaxSubject} 字以内）", $"Enter a short subject (up to {MaxSubject} characters)");
        }

        if (input.Details?.Trim().Length > MaxDetails)
        {
            errors.Add(nameof(CaseInput.Details), $"情况说明最多 {MaxDetails} 字", $"The account has at most {MaxDetails} characters");
        }

        var complaintLike = input.Kind is CaseKind.Complaint or CaseKind.Request;
        if (complaintLike && string.IsNullOrWhiteSpace(input.Details))
        {
            errors.Add(nameof(CaseInput.Details), "投诉、求决类诉求请说明事情经过", "Describe what happened (required for complaints and requests)");
        }

        CheckCaller(input, hasMember, errors);
        if (complaintLike && input.EmployerOrgId is null && string.IsNullOrWhiteSpace(input.EmployerName))
        {
            errors.Add(nameof(CaseInput.EmployerName), "投诉、求决类诉求请选择或填写用人单位", "Pick or type the employer (required for complaints and requests)");
        }

        if (input.EmployerName?.Trim().Length > 100)
        {
            errors.Add(nameof(CaseInput.EmployerName), "用人单位名称最多 100 字", "The employer's name has at most 100 characters");
        }

        if (input.WorkersAffected is < 0 or > 100_000)
        {
            errors.Add(nameof(CaseInput.WorkersAffected), "涉及人数应在 0 至 100000 之间", "The number of workers must be 0 to 100,000");
        }

        if (input.Topic == CaseTopic.WageArrears && complaintLike)
        {
            errors.CheckAmount(nameof(CaseInput.AmountClaimed), input.AmountClaimed, "拖欠工资金额", "amount of wages owed", MaxAmount);
        }
        else if (input.AmountClaimed is { } amount && (amount < 0 || amount > MaxAmount || decimal.Round(amount, 2) != amount))
        {
            errors.Add(nameof(CaseInput.AmountClaimed), "涉及金额应为 0 或正数，最多两位小数", "The amount must be 0 or more, with two decimals at most");
        }

        if (input.Answer?.Trim().Length > MaxDetails)
        {
            errors.Add(nameof(CaseInput.Answer), $"解答最多 {MaxDetails} 字", $"The answer has at most {MaxDetails} characters");
        }
        else if (!string.IsNullOrWhiteSpace(input.Answer) && input.Kind != CaseKind.Consultation)
        {
            errors.Add(nameof(CaseInput.Answer), "只有咨询类诉求可以当场解答结案", "Only a consultation can be answered and closed on the spot");
        }

        if (input.SubmissionKey?.Length > 80)
        {
            errors.Add(nameof(CaseInput.SubmissionKey), "提交标识过长", "The submission key is too long");
        }

        errors.ThrowIfAny();
    }

    private static void CheckCaller(CaseInput input, bool hasMember, FieldErrors errors)
    {
        if (input.Anonymous)
        {
            if (input.Kind != CaseKind.Consultation)
            {
                errors.Add(nameof(CaseInput.Anonymous), "只有咨询可以匿名，其他诉求需留下姓名和联系电话以便办理和回访",
                    "Only a consultation may be anonymous; other cases need a name and phone for handling and the callback");
            }

            return;
        }

        if (!string.IsNullOrWhiteSpace(input.Phone) && !MobileNumber.IsValid(input.Phone.Trim()))
        {
            errors.Add(nameof(CaseInput.Phone), "请填写 11 位手机号码", "Enter an 11-digit mobile number");
        }

        if (hasMember)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(input.CallerName) || input.CallerName.Trim().Length > 30)
        {
            errors.Add(nameof(CaseInput.CallerName), "请填写来电人姓名（或选择匿名咨询）", "Enter the caller's name (or mark an anonymous consultation)");
        }

        if (string.IsNullOrWhiteSpace(input.Phone))
        {
            errors.Add(nameof(CaseInput.Phone), "请填写联系电话，以便办理和回访", "Enter a phone number for handling and the callback");
        }
    }
}