using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Visits;

public sealed record VisitRecord(int Version, DateOnly? VisitedOn, string? Visitors, string? Given, decimal? GivenAmount, string? Notes);

/// <summary>Records a visit as made (or corrects its record): when, who went, what was given.</summary>
public sealed class RecordVisit(AppDbContext db, AuditTrail audit, CurrentCadre cadre, TimeProvider clock)
{
    public async Task ExecuteAsync(Guid visitId, VisitRecord record, CancellationToken ct)
    {
        var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == visitId, ct) ?? throw new NotFoundException();
        visit.EnsureCurrent(record.Version);
        var errors = new FieldErrors();
        var today = ChinaTime.DayOf(clock.GetUtcNow());
        if (record.VisitedOn is not { } on || on > today)
        {
            errors.Add(nameof(VisitRecord.VisitedOn), "请填写走访日期（不能晚于今天）", "Enter the visit's date (not after today)");
        }

        if (string.IsNullOrWhiteSpace(record.Visitors))
        {
            errors.Add(nameof(VisitRecord.Visitors), "请填写走访人", "Enter who visited");
        }

        if (record.GivenAmount is < 0 or > 1_000_000)
        {
            errors.Add(nameof(VisitRecord.GivenAmount), "慰问金额应为 0 或正数", "The amount given must be 0 or more");
        }

        errors.ThrowIfAny();
        db.Entry(visit).Property(v => v.Version).OriginalValue = record.Version;
        visit.Record(record.Version, record.VisitedOn!.Value, FormText.Cut(record.Visitors, 100), FormText.Cut(record.Given, 200), record.GivenAmount,
            FormText.Cut(record.Notes, 500), cadre.UserName);
        audit.Record(VisitAuditActions.Recorded, "visit", visit.Id.ToString(), visit.OrgPath, new { visit.Campaign, visit.Group, visit.VisitedOn });
        await db.SaveChangesAsync(ct);
    }
}