using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Rights.Cases;

public static class RightsAuditActions
{
    public const string Step = "rights.case-step";
    public const string Viewed = "rights.case-viewed";
    public const string CallerLookedUp = "rights.caller-looked-up";
}

/// <summary>A step on a case, taken on the version the handler saw, with its note.</summary>
public sealed record CaseDecision(int Version, string? Note);

/// <summary>
/// What every step on a case shares: finding it in the actor's scope at the version they saw, and saving the step —
/// history, audit record and case in one transaction, which a stale version fails with 409 (two handlers acting at
/// once: one succeeds).
/// </summary>
public sealed class CaseSteps(AppDbContext db, AuditTrail audit, CurrentCadre cadre, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The case in the actor's scope, if <paramref name="step"/> is allowed on it at the version they saw.</summary>
    public async Task<RightsCase> FindAsync(Guid id, CaseStepKind step, int version, CancellationToken ct)
    {
        var found = await db.RightsCases.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException();
        found.EnsureCan(step, version);
        return found;
    }

    public static string RequireNote(string? note, string zh, string en, int max = CaseRules.MaxNote)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            new FieldErrors().Add(nameof(CaseDecision.Note), zh, en).ThrowIfAny();
        }

        return CaseRules.Cut(note, max)!;
    }

    /// <summary>Stages the step's history row and audit record and moves the case to its next version; the caller saves.</summary>
    public void Stage(RightsCase c, int version, CaseStepKind kind, string? note, string? actor = null, HandlingAction? action = null,
        (long Id, string Name)? to = null)
    {
        actor ??= cadre.UserNameOrNull ?? RightsCase.ByMember;
        if (version > 0)
        {
            db.Entry(c).Property(x => x.Version).OriginalValue = version;
        }

        c.Stamp(version);
        db.CaseSteps.Add(new CaseStep
        {
            CaseId = c.Id,
            Kind = kind,
            Action = action,
            Actor = actor,
            ActorOrg = actor == RightsCase.ByMember ? "" : cadre.OrgName,
            At = Now,
            ToOrgId = to?.Id,
            ToOrgName = to?.Name,
            Note = note,
        });
        audit.Record(RightsAuditActions.Step, "rights-case", c.Id.ToString(), c.OrgPath, new { kind, c.Status, action, toOrg = to?.Id, note },
            actorName: actor == RightsCase.ByMember ? c.CallerName ?? RightsCase.ByMember : null);
    }

    public async Task SaveAsync(RightsCase c, int version, CaseStepKind kind, string? note, CancellationToken ct, HandlingAction? action = null,
        (long Id, string Name)? to = null)
    {
        Stage(c, version, kind, note, null, action, to);
        // A stale version fails here with 409: someone else acted on the case meanwhile.
        await db.SaveChangesAsync(ct);
    }
}