namespace WorkersHome.Modules.Rights.TimeLimits;

/// <summary>
/// The time limits of one kind and complexity of case, in business days of the working calendar: to accept it (受理),
/// to resolve it (办结) and, once closed, to call the member back (回访). Data that the system administrator keeps.
/// </summary>
public sealed class TimeLimitRule
{
    public CaseKind Kind { get; set; }

    public CaseComplexity Complexity { get; set; }

    public int AcceptDays { get; set; }

    public int ResolveDays { get; set; }

    public int CallbackDays { get; set; }

    /// <summary>
    /// The rules as first installed: every case accepted within one business day; resolved within 3, 7 or 15 (a
    /// consultation within 1, 3 or 5, a suggestion within 7, 15 or 30); called back within 3 after closing.
    /// </summary>
    public static IReadOnlyList<TimeLimitRule> Defaults { get; } =
    [
        .. Rows(CaseKind.Consultation, 1, 3, 5),
        .. Rows(CaseKind.Request, 3, 7, 15),
        .. Rows(CaseKind.Complaint, 3, 7, 15),
        .. Rows(CaseKind.Suggestion, 7, 15, 30),
    ];

    private static IEnumerable<TimeLimitRule> Rows(CaseKind kind, int simple, int ordinary, int complex) =>
    [
        new() { Kind = kind, Complexity = CaseComplexity.Simple, AcceptDays = 1, ResolveDays = simple, CallbackDays = 3 },
        new() { Kind = kind, Complexity = CaseComplexity.Ordinary, AcceptDays = 1, ResolveDays = ordinary, CallbackDays = 3 },
        new() { Kind = kind, Complexity = CaseComplexity.Complex, AcceptDays = 1, ResolveDays = complex, CallbackDays = 3 },
    ];
}