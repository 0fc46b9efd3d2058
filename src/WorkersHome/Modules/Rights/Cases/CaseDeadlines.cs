using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Rights.Calendar;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Rights.Cases;

/// <summary>
/// After the working calendar changes, the open cases whose deadlines may cross the changed date are counted again
/// (docs/adr/0018): a holiday entered late moves every deadline that runs over it.
/// </summary>
public sealed class CaseDeadlines(AppDbContext db, WorkCalendar calendar, AuditTrail audit)
{
    public const string AuditAction = "rights.deadlines-recounted";

    private const int Chunk = 500;

    public async Task<int> RecountAcrossAsync(DateOnly changed, CancellationToken ct)
    {
        var days = await calendar.LoadAsync(ct);
        var dayStarts = new DateTimeOffset(changed.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
        var dayEnds = dayStarts.AddDays(1);
        // Whole tree: a national calendar moves every union's cases, not only those of the administrator's subtree.
        var ids = await db.RightsCases.IgnoreQueryFilters().AsNoTracking()
            .Where(c => (c.Status == CaseStatus.Received || c.Status == CaseStatus.InProgress || c.Status == CaseStatus.Paused)
                && c.ReceivedAt < dayEnds && c.ResolveDueAt > dayStarts)
            .Select(c => c.Id).ToListAsync(ct);
        var moved = 0;
        foreach (var chunk in ids.Chunk(Chunk))
        {
            db.ChangeTracker.Clear();
            var cases = await db.RightsCases.IgnoreQueryFilters().Where(c => chunk.Contains(c.Id)).ToListAsync(ct);
            moved += cases.Count(c => c.Recount(days));
            await db.SaveChangesAsync(ct);
        }

        if (moved > 0)
        {
            await audit.RecordNowAsync(AuditAction, "calendar-day", changed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), detail: new { moved }, ct: ct);
        }

        return moved;
    }
}