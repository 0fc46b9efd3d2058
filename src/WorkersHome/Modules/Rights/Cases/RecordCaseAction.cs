using WorkersHome.Platform.Errors;

namespace WorkersHome.Modules.Rights.Cases;

public sealed record CaseActionInput(int Version, HandlingAction? Action, string? Note);

/// <summary>办理记录: a call, a visit, a mediation, a referral to the labour inspectorate or arbitration, with what came of it.</summary>
public sealed class RecordCaseAction(CaseSteps steps)
{
    public async Task<RightsCase> ExecuteAsync(Guid id, CaseActionInput input, CancellationToken ct)
    {
        var c = await steps.FindAsync(id, CaseStepKind.ActionRecorded, input.Version, ct);
        if (input.Action is not { } action || !Enum.IsDefined(action))
        {
            new FieldErrors().Add(nameof(CaseActionInput.Action), "请选择办理方式", "Choose what was done").ThrowIfAny();
        }

        var note = CaseSteps.RequireNote(input.Note, "请填写办理情况", "Describe what was done and what came of it");
        c.GuardStep(CaseStepKind.ActionRecorded);
        await steps.SaveAsync(c, input.Version, CaseStepKind.ActionRecorded, note, ct, input.Action);
        return c;
    }
}