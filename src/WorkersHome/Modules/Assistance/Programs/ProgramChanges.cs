using System.Text.Json;

using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Programs;

public static class ProgramAuditActions
{
    public const string Created = "assistance.program-created";
    public const string RulesChanged = "assistance.program-rules-changed";
    public const string StatusChanged = "assistance.program-status-changed";
    public const string BudgetAllocated = "assistance.budget-allocated";
}

/// <summary>What the use cases that change a program share: who may change it, and a new version of its rules.</summary>
public sealed class ProgramChanges(AppDbContext db, ProgramQueries programs, CurrentCadre cadre, TimeProvider clock)
{
    /// <summary>The program to change: visible, of the cadre's own subtree (403 otherwise), as they saw it at <paramref name="version"/> (409 otherwise).</summary>
    public async Task<AssistanceProgram> OwnedAsync(long programId, int version, CancellationToken ct)
    {
        var program = await programs.VisibleAsync(programId, ct);
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

    /// <summary>A version of the rules, in force from now; never changed once written.</summary>
    public ProgramRuleVersion RuleVersion(long programId, int number, ProgramRules rules, string? note) => new()
    {
        ProgramId = programId,
        Number = number,
        RulesJson = JsonSerializer.Serialize(rules, ProgramQueries.Json),
        EffectiveFrom = clock.GetUtcNow(),
        CreatedBy = cadre.UserName,
        Note = note,
    };
}