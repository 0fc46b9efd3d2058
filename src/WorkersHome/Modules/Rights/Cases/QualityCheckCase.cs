using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Rights.Cases;

public sealed record QualityCheckInput(int Version, bool? Passed, string? Note);

/// <summary>质检: a supervisor checks a closed case; a failure sends it back to its handler with the reason.</summary>
public sealed class QualityCheckCase(CaseSteps steps)
{
    public async Task<RightsCase> ExecuteAsync(Guid id, QualityCheckInput input, CancellationToken ct)
    {
        var c = await steps.FindAsync(id, CaseStepKind.QualityChecked, input.Version, ct);
        if (input.Passed is not { } passed)
        {
            new FieldErrors().Add(nameof(QualityCheckInput.Passed), "请选择质检结论", "Choose whether the case passes").ThrowIfAny();
            return c;
        }

        var note = passed ? CaseRules.Cut(input.Note, CaseRules.MaxNote) : CaseSteps.RequireNote(input.Note, "不合格时请写明问题", "Say what was wrong");
        c.QualityCheck(passed);
        await steps.SaveAsync(c, input.Version, CaseStepKind.QualityChecked, (passed ? Loc.T("合格", "Passed") : Loc.T("不合格，退回重办", "Failed; sent back to be handled again")) + (note is null ? "" : "：" + note), ct);
        return c;
    }
}