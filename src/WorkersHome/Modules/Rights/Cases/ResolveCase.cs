using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Rights.Calendar;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Rights.Cases;

/// <summary>
/// 办结: the handler records the result. A consultation or suggestion closes; a complaint or request waits for the
/// member's confirmation or the callback, due within the callback time limit. A consultation can also be answered on
/// the spot from the desk (<see cref="AnswerAsync"/>).
/// </summary>
public sealed class ResolveCase(AppDbContext db, CaseSteps steps, WorkCalendar calendar, CaseReplies replies)
{
    public async Task<RightsCase> ExecuteAsync(Guid id, CaseDecision decision, CancellationToken ct)
    {
        var c = await steps.FindAsync(id, CaseStepKind.Resolved, decision.Version, ct);
        var result = CaseSteps.RequireNote(decision.Note, "请填写办理结果", "Record the result", CaseRules.MaxDetails);
        var rule = await db.TimeLimitRules.AsNoTracking().FirstAsync(r => r.Kind == c.Kind && r.Complexity == c.Complexity, ct);
        var days = await calendar.LoadAsync(ct);
        c.Resolve(result, steps.Now, days.Deadline(steps.Now, rule.CallbackDays));
        replies.Resolved(c);
        await steps.SaveAsync(c, decision.Version, CaseStepKind.Resolved, result, ct);
        return c;
    }

    public async Task<RightsCase> AnswerAsync(Guid id, CaseDecision decision, CancellationToken ct)
    {
        var c = await steps.FindAsync(id, CaseStepKind.AnsweredOnSpot, decision.Version, ct);
        var answer = CaseSteps.RequireNote(decision.Note, "请填写解答内容", "Enter the answer", CaseRules.MaxDetails);
        c.AnswerOnSpot(answer, steps.Now);
        replies.Resolved(c);
        await steps.SaveAsync(c, decision.Version, CaseStepKind.AnsweredOnSpot, answer, ct);
        return c;
    }
}