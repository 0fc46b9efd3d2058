using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Assistance.Programs;

public sealed record RulesChange(int Version, ProgramRules? Rules, string? Note);

/// <summary>A new version of the rules, in force from now; applications filed before keep the version they were judged by.</summary>
public sealed class ChangeProgramRules(AppDbContext db, ProgramChanges changes, AuditTrail audit)
{
    public async Task<ProgramRuleVersion> ExecuteAsync(long programId, RulesChange change, CancellationToken ct)
    {
        var program = await changes.OwnedAsync(programId, change.Version, ct);
        var rules = ProgramRulesValidation.Validate(change.Rules);
        var number = program.NextRulesVersion();
        program.Version = change.Version + 1;
        var version = changes.RuleVersion(program.Id, number, rules, string.IsNullOrWhiteSpace(change.Note) ? null : change.Note.Trim()[..Math.Min(change.Note.Trim().Length, 200)]);
        db.ProgramRuleVersions.Add(version);
        audit.Record(ProgramAuditActions.RulesChanged, "assistance-program", program.Id.ToString(), program.OrgPath, new { version.Number, rules });
        await db.SaveChangesAsync(ct);
        return version;
    }
}