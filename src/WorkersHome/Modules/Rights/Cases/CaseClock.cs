using WorkersHome.Modules.Rights.Calendar;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Rights.Cases;

/// <summary>
/// Stopping the resolve clock while the union waits for the member (documents, a meeting), and starting it again: the
/// deadline moves by the business days it stood still, at most <see cref="CaseRules.MaxPauseDays"/> in all for a case.
/// </summary>
public sealed class CaseClock(CaseSteps steps, WorkCalendar calendar)
{
    public async Task<RightsCase> PauseAsync(Guid id, CaseDecision decision, CancellationToken ct)
    {
        var c = await steps.FindAsync(id, CaseStepKind.Paused, decision.Version, ct);
        var reason = CaseSteps.RequireNote(decision.Note, "请填写暂停计时的原因（等待当事人什么）", "Say what the union is waiting for from the member");
        if (c.PausedDays >= CaseRules.MaxPauseDays)
        {
            throw new ConflictException(Loc.T($"本案暂停计时已达上限（{CaseRules.MaxPauseDays} 个工作日）", $"The case's clock has already stood still for the most allowed ({CaseRules.MaxPauseDays} business days)"));
        }

        c.Pause(steps.Now);
        await steps.SaveAsync(c, decision.Version, CaseStepKind.Paused, reason, ct);
        return c;
    }

    public async Task<RightsCase> ResumeAsync(Guid id, CaseDecision decision, CancellationToken ct)
    {
        var c = await steps.FindAsync(id, CaseStepKind.Resumed, decision.Version, ct);
        await ResumeStagedAsync(c, ct);
        await steps.SaveAsync(c, decision.Version, CaseStepKind.Resumed,
            CaseRules.Cut(decision.Note, CaseRules.MaxNote) ?? Loc.T($"办结期限顺延至 {c.ResolveDueAt.ToOffset(TimeSpan.FromHours(8)).AddDays(-1):yyyy-MM-dd}",
                $"Resolve by {c.ResolveDueAt.ToOffset(TimeSpan.FromHours(8)).AddDays(-1):yyyy-MM-dd}"), ct);
        return c;
    }

    /// <summary>Starts the clock again on a paused case (the sweep does it when the allowance runs out); the caller saves the step.</summary>
    public async Task ResumeStagedAsync(RightsCase c, CancellationToken ct)
    {
        var days = await calendar.LoadAsync(ct);
        var stood = Math.Min(days.BusinessDaysBetween(BusinessCalendar.DayOf(c.PausedAt!.Value), BusinessCalendar.DayOf(steps.Now)), CaseRules.MaxPauseDays - c.PausedDays);
        c.Resume(stood, days.Extend(c.ResolveDueAt, stood));
    }
}