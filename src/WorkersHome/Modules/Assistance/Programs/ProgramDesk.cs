using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Programs;

public sealed record NewProgram(string? Name, ProgramType Type, long OrgId, int Year, DateOnly? StartsOn, DateOnly? EndsOn, ProgramRules? Rules);

public sealed record RulesChange(int Version, ProgramRules? Rules, string? Note);

public sealed record ProgramStatusChange(int Version, ProgramStatus Status);

public static class ProgramAuditActions
{
    public const string Created = "assistance.program-created";
    public const string RulesChanged = "assistance.program-rules-changed";
    public const string StatusChanged = "assistance.program-status-changed";
    public const string BudgetAllocated = "assistance.budget-allocated";
}

/// <summary>
/// Programs and their rules: a union creates a program for its subtree and a year, edits its rules (each edit a new
/// version in force from then on), and opens or closes it. Cadres see the programs of their own union and the unions
/// above it (which cover them) and below it.
/// </summary>
public sealed class ProgramDesk(AppDbContext db, IOrgDirectory orgs, AuditTrail audit, CurrentCadre cadre, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<AssistanceProgram> CreateAsync(NewProgram request, CancellationToken ct)
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
            Status = ProgramStatus.Open,
            RulesVersion = 1,
            CreatedBy = cadre.UserName,
            CreatedAt = clock.GetUtcNow(),
            Version = 1,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.AssistancePrograms.Add(program);
        await db.SaveChangesAsync(ct);
        db.ProgramRuleVersions.Add(Version(program.Id, 1, rules, null));
        db.ProgramBudgets.Add(new ProgramBudget { ProgramId = program.Id, OrgId = org.Id, OrgPath = org.Path, OrgName = org.Name });
        audit.Record(ProgramAuditActions.Created, "assistance-program", program.Id.ToString(), program.OrgPath, new { program.Name, program.Type, program.Year });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return program;
    }

    /// <summary>A new version of the rules, in force from now; applications filed before keep the version they were judged by.</summary>
    public async Task<ProgramRuleVersion> ChangeRulesAsync(long programId, RulesChange change, CancellationToken ct)
    {
        var program = await OwnedAsync(programId, change.Version, ct);
        var rules = ProgramRulesValidation.Validate(change.Rules);
        program.RulesVersion++;
        program.Version = change.Version + 1;
        var version = Version(program.Id, program.RulesVersion, rules, string.IsNullOrWhiteSpace(change.Note) ? null : change.Note.Trim()[..Math.Min(change.Note.Trim().Length, 200)]);
        db.ProgramRuleVersions.Add(version);
        audit.Record(ProgramAuditActions.RulesChanged, "assistance-program", program.Id.ToString(), program.OrgPath, new { version.Number, rules });
        await db.SaveChangesAsync(ct);
        return version;
    }

    public async Task SetStatusAsync(long programId, ProgramStatusChange change, CancellationToken ct)
    {
        var program = await OwnedAsync(programId, change.Version, ct);
        if (!Enum.IsDefined(change.Status))
        {
            new FieldErrors().Add(nameof(ProgramStatusChange.Status), "状态无效", "Unknown status").ThrowIfAny();
        }

        (program.Status, program.Version) = (change.Status, change.Version + 1);
        audit.Record(ProgramAuditActions.StatusChanged, "assistance-program", program.Id.ToString(), program.OrgPath, new { change.Status });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A program the cadre may see: of their union, a union above (which covers them), or a union below.</summary>
    public async Task<AssistanceProgram> VisibleAsync(long programId, CancellationToken ct) =>
        await Visible().FirstOrDefaultAsync(p => p.Id == programId, ct) ?? throw new NotFoundException();

    public IQueryable<AssistanceProgram> Visible()
    {
        var above = PathsUpTo(cadre.OrgPath);
        var own = cadre.OrgPath;
        return db.AssistancePrograms.Where(p => above.Contains(p.OrgPath) || p.OrgPath.StartsWith(own));
    }

    /// <summary>The rules version in force at a moment: the newest that took effect by then.</summary>
    public async Task<(ProgramRuleVersion Version, ProgramRules Rules)> RulesAtAsync(long programId, DateTimeOffset at, CancellationToken ct)
    {
        var version = await db.ProgramRuleVersions.Where(v => v.ProgramId == programId && v.EffectiveFrom <= at)
            .OrderByDescending(v => v.Number).FirstAsync(ct);
        return (version, Read(version));
    }

    public static ProgramRules Read(ProgramRuleVersion version) => JsonSerializer.Deserialize<ProgramRules>(version.RulesJson, Json)!;

    /// <summary>"/41/", "/41/4101/", … down to the path itself.</summary>
    public static List<string> PathsUpTo(string path)
    {
        var codes = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return Enumerable.Range(1, codes.Length).Select(n => "/" + string.Join("/", codes[..n]) + "/").ToList();
    }

    private async Task<AssistanceProgram> OwnedAsync(long programId, int version, CancellationToken ct)
    {
        var program = await VisibleAsync(programId, ct);
        if (!cadre.Covers(program.OrgPath))
        {
            throw new ForbiddenException(Loc.T($"该项目由{program.OrgName}主办，只有主办工会可以修改", $"This program belongs to {program.OrgName}; only that union may change it"));
        }

        if (program.Version != version)
        {
            throw new ConflictException(Loc.T("该项目已被他人修改，请刷新后再办理", "The program changed meanwhile; reload it"));
        }

        db.Entry(program).Property(p => p.Version).OriginalValue = version;
        return program;
    }

    private ProgramRuleVersion Version(long programId, int number, ProgramRules rules, string? note) => new()
    {
        ProgramId = programId,
        Number = number,
        RulesJson = JsonSerializer.Serialize(rules, Json),
        EffectiveFrom = clock.GetUtcNow(),
        CreatedBy = cadre.UserName,
        Note = note,
    };
}