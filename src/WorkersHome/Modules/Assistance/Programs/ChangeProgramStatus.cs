using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Assistance.Programs;

public sealed record ProgramStatusChange(int Version, ProgramStatus Status);

/// <summary>The owning union opens or closes the program for new applications; those filed are still decided and paid.</summary>
public sealed class ChangeProgramStatus(AppDbContext db, ProgramChanges changes, AuditTrail audit)
{
    public async Task ExecuteAsync(long programId, ProgramStatusChange change, CancellationToken ct)
    {
        var program = await changes.OwnedAsync(programId, change.Version, ct);
        if (!Enum.IsDefined(change.Status))
        {
            new FieldErrors().Add(nameof(ProgramStatusChange.Status), "状态无效", "Unknown status").ThrowIfAny();
        }

        program.ChangeStatus(change.Status);
        program.Version = change.Version + 1;
        audit.Record(ProgramAuditActions.StatusChanged, "assistance-program", program.Id.ToString(), program.OrgPath, new { change.Status });
        await db.SaveChangesAsync(ct);
    }
}