using WorkersHome.Modules.Rights.Calendar;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Rights.Cases;

public sealed record WageRecoveryInput(int Version, decimal? Amount, int? Workers, DateOnly? RecoveredOn, string? Note);

/// <summary>
/// 追回欠薪: each amount recovered is an entry of its own; the case's total and workers helped are kept with the entry
/// in the same transaction, so the figures never disagree with the entries.
/// </summary>
public sealed class RecordWageRecovery(AppDbContext db, CaseSteps steps, CurrentCadre cadre)
{
    public async Task<RightsCase> ExecuteAsync(Guid id, WageRecoveryInput input, CancellationToken ct)
    {
        var c = await steps.FindAsync(id, CaseStepKind.WagesRecovered, input.Version, ct);
        var errors = new FieldErrors();
        if (c.Topic != CaseTopic.WageArrears)
        {
            throw new ConflictException(Platform.Localization.Loc.T("只有欠薪类案件记录追回工资", "Recovered wages are recorded on wage-arrears cases only"));
        }

        errors.CheckAmount(nameof(WageRecoveryInput.Amount), input.Amount, "追回金额", "amount recovered", CaseRules.MaxAmount);
        if (input.Workers is not (>= 1 and <= 100_000))
        {
            errors.Add(nameof(WageRecoveryInput.Workers), "请填写本次涉及职工人数（至少 1 人）", "Enter how many workers this recovery paid (at least 1)");
        }

        var today = BusinessCalendar.DayOf(steps.Now);
        if (input.RecoveredOn is not { } on || on > today || on < BusinessCalendar.DayOf(c.ReceivedAt))
        {
            errors.Add(nameof(WageRecoveryInput.RecoveredOn), "追回日期应在立案之日与今天之间", "The date must lie between the day the case was filed and today");
        }

        errors.ThrowIfAny();
        c.AddRecovery(input.Amount!.Value, input.Workers!.Value);
        db.WageRecoveries.Add(new WageRecovery
        {
            CaseId = c.Id,
            Amount = input.Amount.Value,
            Workers = input.Workers.Value,
            RecoveredOn = input.RecoveredOn!.Value,
            RecordedBy = cadre.UserName,
            RecordedAt = steps.Now,
            Note = CaseRules.Cut(input.Note, CaseRules.MaxNote),
        });
        await steps.SaveAsync(c, input.Version, CaseStepKind.WagesRecovered,
            Platform.Localization.Loc.T($"追回 {input.Amount:0.00} 元，{input.Workers} 人", $"Recovered {input.Amount:0.00} yuan for {input.Workers} workers"), ct);
        return c;
    }
}