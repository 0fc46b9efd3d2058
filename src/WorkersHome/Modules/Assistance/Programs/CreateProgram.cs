using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Programs;

public sealed record NewProgram(string? Name, ProgramType Type, long OrgId, int Year, DateOnly? StartsOn, DateOnly? EndsOn, ProgramRules? Rules);

/// <summary>A union creates a program for its subtree and a year, open from the start, with its first rules and an empty budget of its own.</summary>
public sealed class CreateProgram(AppDbContext db, IOrgDirectory orgs, ProgramChanges changes, AuditTrail audit, CurrentCadre cadre, TimeProvider clock)
{
    public async Task<AssistanceProgram> ExecuteAsync(NewProgram request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 60)
        {
            errors.Add(nameof(NewProgram.Name), "请填写项目名称（60 字以内）", "Enter the program's name (up to 60 characters)");
        }

        if (!Enum.IsDefined(request.Type))
        {
            errors.Add(nameof(NewProgram.Type), "请选择项目类型", "Choose the program's type");
        }

        var org = await orgs.FindInScopeAsync(request.OrgId, ct);
        if (org is null || !org.IsActive)
        {
            errors.Add(nameof(NewProgram.OrgId), "主办工会不存在或不在您的管辖范围内", "The owning union does not exist or is outside your part of the tree");
        }

        if (request.Year is < 2000 or > 2100)
        {
            errors.Add(nameof(NewProgram.Year), "请填写项目年度", "Enter the program's year");
        }

        var starts = request.StartsOn ?? new DateOnly(Math.Clamp(request.Year, 2000, 2100), 1, 1);
        var ends = request.EndsOn ?? new DateOnly(Math.Clamp(request.Year, 2000, 2100), 12, 31);
        if (ends < starts)
        {
            errors.Add(nameof(NewProgram.EndsOn), "结束日期不能早于开始日期", "The end date cannot be before the start date");
        }

        errors.ThrowIfAny();
        var rules = ProgramRulesValidation.Validate(request.Rules ?? ProgramRules.DefaultsFor(request.Type));
        var program = new AssistanceProgram
        {
            Name = name,
            Type = request.Type,
            OrgId = org!.Id,
            OrgPath = org.Path,
            OrgName = org.Name,
            Year = request.Year,
            StartsOn = starts,
            EndsOn = ends,
            CreatedBy = cadre.UserName,
            CreatedAt = clock.GetUtcNow(),
            Version = 1,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.AssistancePrograms.Add(program);
        await db.SaveChangesAsync(ct);
        db.ProgramRuleVersions.Add(changes.RuleVersion(program.Id, program.RulesVersion, rules, null));
        db.ProgramBudgets.Add(new ProgramBudget { ProgramId = program.Id, OrgId = org.Id, OrgPath = org.Path, OrgName = org.Name });
        audit.Record(ProgramAuditActions.Created, "assistance-program", program.Id.ToString(), program.OrgPath, new { program.Name, program.Type, program.Year });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return program;
    }
}