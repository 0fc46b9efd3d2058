using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Modules.Rights.Calendar;
using WorkersHome.Platform.Jobs;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Rights.Cases;

/// <summary>
/// The SLA clock's sweep, every minute on one instance (the job engine's lock). A case whose deadline to accept or to
/// resolve has passed escalates to the union above the one handling it (督办); a case still overdue
/// <see cref="SecondBreachDays"/> business days later, or one that breaches a second deadline, escalates again, to the
/// union above that. Paused cases whose allowance is spent start again. Everything it does follows from the data — the
/// deadline breached last and the level reached are stored with the case — so a sweep cut short by a crash loses no
/// escalation (the next one finds it) and a repeated sweep doubles none.
/// </summary>
public sealed class SlaSweep(AppDbContext db, WorkCalendar calendar, CaseClock clock, CaseSteps steps, IOrgDirectory orgs, TimeProvider time) : IRecurringWork
{
    public const string JobId = "rights-sla-sweep";

    /// <summary>Business days past a breached deadline after which a case escalates a second time.</summary>
    public const int SecondBreachDays = 3;

    public const int MaxLevel = 2;

    private const int Chunk = 500;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var days = await calendar.LoadAsync(ct);
        var handled = await ResumeSpentPausesAsync(days, now, ct);
        var overdue = await db.RightsCases.AsNoTracking()
            .Where(c => c.EscalationLevel < MaxLevel
                && ((c.Status == CaseStatus.Received && c.AcceptDueAt < now) || (c.Status == CaseStatus.InProgress && c.ResolveDueAt < now)))
            .Select(c => new { c.Id, c.Status, c.AcceptDueAt, c.ResolveDueAt, c.EscalationLevel, c.BreachedDueAt })
            .ToListAsync(ct);
        var due = overdue.Where(c => Breaches(c.Status == CaseStatus.Received ? c.AcceptDueAt : c.ResolveDueAt, c.BreachedDueAt, now, days))
            .Select(c => c.Id).ToList();
        var top = await orgs.TopAsync(ct);
        foreach (var chunk in due.Chunk(Chunk))
        {
            handled += await EscalateAsync(chunk, days, now, top.Path, ct);
        }

        return handled;
    }

    /// <summary>Escalates a chunk in one transaction; the cases are read again and judged again, so a step taken meanwhile by a handler wins.</summary>
    private async Task<int> EscalateAsync(Guid[] ids, BusinessCalendar days, DateTimeOffset now, string topPath, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var cases = await db.RightsCases.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var targets = new List<(RightsCase Case, string ToPath)>();
        foreach (var c in cases)
        {
            if (c.CurrentDueAt is not { } deadline || deadline >= now || c.EscalationLevel >= MaxLevel)
            {
                continue;
            }

            if (Breaches(deadline, c.BreachedDueAt, now, days))
            {
                targets.Add((c, Above(c.OrgPath, c.EscalationLevel + 1, topPath)));
            }
        }

        var names = await orgs.FindByCodesAsync(targets.Select(t => CodeOf(t.ToPath)).Distinct(), ct);
        foreach (var (c, toPath) in targets)
        {
            var version = c.Version;
            var late = c.Status == CaseStatus.Received ? Loc.T("超过受理时限", "not accepted in time") : Loc.T("超过办结时限", "not resolved in time");
            c.Escalate(c.CurrentDueAt!.Value, toPath);
            var to = names.GetValueOrDefault(CodeOf(toPath));
            steps.Stage(c, version, CaseStepKind.Escalated, Loc.T($"{late}，第 {c.EscalationLevel} 次督办", $"{late}; escalation {c.EscalationLevel}"), "system",
                to: to is null ? null : (to.Id, to.Name));
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return targets.Count;
        }
        catch (DbUpdateConcurrencyException) when (ids.Length > 1)
        {
            // A handler acted on one of them meanwhile: judge them one at a time, so the others still escalate.
            var done = 0;
            foreach (var id in ids)
            {
                done += await EscalateAsync([id], days, now, topPath, ct);
            }

            return done;
        }
        catch (DbUpdateConcurrencyException)
        {
            return 0;
        }
    }

    private async Task<int> ResumeSpentPausesAsync(BusinessCalendar days, DateTimeOffset now, CancellationToken ct)
    {
        var paused = await db.RightsCases.Where(c => c.Status == CaseStatus.Paused).ToListAsync(ct);
        var spent = paused.Where(c => c.PausedDays + days.BusinessDaysBetween(BusinessCalendar.DayOf(c.PausedAt!.Value), BusinessCalendar.DayOf(now)) >= CaseRules.MaxPauseDays)
            .ToList();
        foreach (var c in spent)
        {
            var version = c.Version;
            await clock.ResumeStagedAsync(c, ct);
            steps.Stage(c, version, CaseStepKind.Resumed, Loc.T("暂停已达上限，自动恢复计时", "The pause allowance is spent; the clock runs again"), "system");
        }

        if (spent.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        db.ChangeTracker.Clear();
        return spent.Count;
    }

    /// <summary>
    /// Whether a case past <paramref name="deadline"/> escalates now: a deadline not yet escalated for is a new breach;
    /// the same deadline escalates again once it is <see cref="SecondBreachDays"/> business days behind.
    /// </summary>
    private static bool Breaches(DateTimeOffset deadline, DateTimeOffset? breachedDueAt, DateTimeOffset now, BusinessCalendar days) =>
        breachedDueAt != deadline || days.BusinessDaysBetween(BusinessCalendar.DayOf(deadline), BusinessCalendar.DayOf(now)) >= SecondBreachDays;

    /// <summary>The union <paramref name="levels"/> above the path, but never above the top union this installation serves.</summary>
    public static string Above(string path, int levels, string topPath)
    {
        var result = path;
        for (var i = 0; i < levels && result.Length > topPath.Length; i++)
        {
            result = result[..(result.TrimEnd('/').LastIndexOf('/') + 1)];
        }

        return result.Length < topPath.Length ? topPath : result;
    }

    private static string CodeOf(string path) => path.TrimEnd('/')[(path.TrimEnd('/').LastIndexOf('/') + 1)..];
}