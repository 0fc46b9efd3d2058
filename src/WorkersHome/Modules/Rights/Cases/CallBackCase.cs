using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Rights.Cases;

public sealed record CallbackInput(int Version, Satisfaction? Satisfaction, string? Note);

/// <summary>
/// 回访: the member is asked whether they are satisfied. Satisfied (or basically) closes the case; not satisfied, with
/// the reason, reopens it for its handler.
/// </summary>
public sealed class CallBackCase(CaseSteps steps)
{
    public async Task<RightsCase> ExecuteAsync(Guid id, CallbackInput input, CancellationToken ct)
    {
        var c = await steps.FindAsync(id, CaseStepKind.CalledBack, input.Version, ct);
        if (input.Satisfaction is not { } answer || !Enum.IsDefined(answer))
        {
            new FieldErrors().Add(nameof(CallbackInput.Satisfaction), "请选择当事人满意度", "Choose how satisfied the member is").ThrowIfAny();
        }

        if (c.Satisfaction is not null && c.Status == CaseStatus.Closed)
        {
            throw new ConflictException(Loc.T("本案已回访", "The member has already been called back on this case"));
        }

        var note = input.Satisfaction == Satisfaction.NotSatisfied
            ? CaseSteps.RequireNote(input.Note, "不满意时请记录原因", "Record why the member is not satisfied")
            : CaseRules.Cut(input.Note, CaseRules.MaxNote);
        var reopened = c.CallBack(input.Satisfaction!.Value, steps.Now);
        var label = CaseNames.Of(input.Satisfaction.Value).ToString() + (reopened ? Loc.T("，案件重新办理", "; the case is reopened") : "");
        await steps.SaveAsync(c, input.Version, CaseStepKind.CalledBack, note is null ? label : $"{label}：{note}", ct);
        return c;
    }
}