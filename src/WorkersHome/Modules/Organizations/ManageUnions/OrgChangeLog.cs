using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Organizations.ManageUnions;

/// <summary>Writes a change to the union's own history and to the audit trail, in the same unit of work.</summary>
public sealed class OrgChangeLog(AppDbContext db, AuditTrail audit, CurrentCadre cadre, TimeProvider clock)
{
    public void Record(OrgUnit unit, OrgHistoryKind kind, string detail, object? auditDetail = null)
    {
        db.OrgHistory.Add(new OrgHistoryEntry
        {
            OrgId = unit.Id,
            At = clock.GetUtcNow(),
            Kind = kind,
            Detail = detail,
            ActorId = cadre.UserIdOrNull,
            ActorName = cadre.UserNameOrNull ?? "system",
        });
        audit.Record(ActionOf(kind), "org", unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), unit.Path,
            auditDetail ?? new { unit.Code, unit.Name, detail });
    }

    private static string ActionOf(OrgHistoryKind kind) => kind switch
    {
        OrgHistoryKind.Created => AuditActions.OrgCreated,
        OrgHistoryKind.Edited => AuditActions.OrgEdited,
        OrgHistoryKind.Moved => AuditActions.OrgMoved,
        OrgHistoryKind.Dissolved => AuditActions.OrgDissolved,
        _ => AuditActions.OrgMerged,
    };
}