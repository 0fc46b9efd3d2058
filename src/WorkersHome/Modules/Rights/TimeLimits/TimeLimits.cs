using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Rights.TimeLimits;

/// <summary>One rule as the API and the page show it.</summary>
public sealed record TimeLimitView(CaseKind Kind, string KindName, CaseComplexity Complexity, string ComplexityName, int AcceptDays, int ResolveDays, int CallbackDays)
{
    public static TimeLimitView Of(TimeLimitRule r) =>
        new(r.Kind, CaseNames.Of(r.Kind).ToString(), r.Complexity, CaseNames.Of(r.Complexity).ToString(), r.AcceptDays, r.ResolveDays, r.CallbackDays);
}

/// <summary>New limits for one kind and complexity, in business days.</summary>
public sealed record TimeLimitInput(int? AcceptDays, int? ResolveDays, int? CallbackDays);

/// <summary>The time limits of every kind and complexity, in order.</summary>
public sealed class TimeLimitQueries(AppDbContext db)
{
    public async Task<IReadOnlyList<TimeLimitView>> ListAsync(CancellationToken ct) =>
        (await db.TimeLimitRules.AsNoTracking().ToListAsync(ct)).OrderBy(r => r.Kind).ThenBy(r => r.Complexity).Select(TimeLimitView.Of).ToList();
}

/// <summary>
/// Changes the time limits of one kind and complexity. Cases filed from then on count by the new limits; audited,
/// since the limits decide which cases are overdue and escalate.
/// </summary>
public sealed class SetTimeLimit(AppDbContext db, AuditTrail audit)
{
    public const string AuditAction = "rights.time-limit.changed";

    public async Task<TimeLimitView> ExecuteAsync(CaseKind kind, CaseComplexity complexity, TimeLimitInput input, CancellationToken ct)
    {
        var rule = Enum.IsDefined(kind) && Enum.IsDefined(complexity)
            ? await db.TimeLimitRules.FirstOrDefaultAsync(r => r.Kind == kind && r.Complexity == complexity, ct)
            : null;
        if (rule is null)
        {
            throw new NotFoundException();
        }

        var errors = new FieldErrors();
        if (input.AcceptDays is not (>= 1 and <= 10))
        {
            errors.Add("acceptDays", "受理时限应为 1 至 10 个工作日", "The time to accept must be 1 to 10 business days");
        }

        if (input.ResolveDays is not (>= 1 and <= 60))
        {
            errors.Add("resolveDays", "办结时限应为 1 至 60 个工作日", "The time to resolve must be 1 to 60 business days");
        }
        else if (input.AcceptDays is { } accept && input.ResolveDays < accept)
        {
            errors.Add("resolveDays", "办结时限不能短于受理时限", "The time to resolve cannot be shorter than the time to accept");
        }

        if (input.CallbackDays is not (>= 1 and <= 30))
        {
            errors.Add("callbackDays", "回访时限应为 1 至 30 个工作日", "The time to call back must be 1 to 30 business days");
        }

        errors.ThrowIfAny();
        var before = new { rule.AcceptDays, rule.ResolveDays, rule.CallbackDays };
        (rule.AcceptDays, rule.ResolveDays, rule.CallbackDays) = (input.AcceptDays!.Value, input.ResolveDays!.Value, input.CallbackDays!.Value);
        audit.Record(AuditAction, "time-limit", $"{kind}/{complexity}", detail: new { before, after = input });
        await db.SaveChangesAsync(ct);
        return TimeLimitView.Of(rule);
    }
}