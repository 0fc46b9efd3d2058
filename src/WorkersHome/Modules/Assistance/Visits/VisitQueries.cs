using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Files;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Assistance.Visits;

public sealed record VisitRow(Guid Id, string Campaign, Guid MemberId, string MemberName, string UnionName, VisitGroup Group, string GroupLabel, DateOnly DueOn,
    VisitStatus Status, bool Overdue, DateOnly? VisitedOn, string? Visitors, string? Given, decimal? GivenAmount, string? Notes, int Photos, int Version);

/// <summary>The visits of the cadre's subtree, planned and made; visits past their date are flagged overdue until made.</summary>
public sealed class VisitQueries(AppDbContext db, IOrgDirectory orgs, SealedFileStore store, TimeProvider clock)
{
    public async Task<IReadOnlyList<VisitRow>> ListAsync(string? campaign, bool overdueOnly, CancellationToken ct)
    {
        var today = ChinaTime.DayOf(clock.GetUtcNow());
        var query = db.Visits.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(campaign))
        {
            query = query.Where(v => v.Campaign == campaign);
        }

        if (overdueOnly)
        {
            query = query.Where(v => v.Status == VisitStatus.Planned && v.DueOn < today);
        }

        var visits = await query.OrderBy(v => v.Status).ThenBy(v => v.DueOn).ThenBy(v => v.OrgPath).Take(500).ToListAsync(ct);
        var ids = visits.Select(v => v.Id).ToList();
        var photos = await db.VisitPhotos.AsNoTracking().Where(p => ids.Contains(p.VisitId)).GroupBy(p => p.VisitId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var names = await orgs.PublicNamesAsync(visits.Select(v => v.OrgId).Distinct(), ct);
        return visits.Select(v => new VisitRow(v.Id, v.Campaign, v.MemberId, v.MemberName, names.GetValueOrDefault(v.OrgId, ""), v.Group, Visit.GroupLabel(v.Group).ToString(),
            v.DueOn, v.Status, v.Status == VisitStatus.Planned && v.DueOn < today, v.VisitedOn, v.Visitors, v.Given, v.GivenAmount, v.Notes,
            photos.GetValueOrDefault(v.Id), v.Version)).ToList();
    }

    public async Task<IReadOnlyList<string>> CampaignsAsync(CancellationToken ct) =>
        await db.Visits.AsNoTracking().Select(v => v.Campaign).Distinct().OrderBy(c => c).Take(50).ToListAsync(ct);

    public async Task<OpenedAttachment> OpenPhotoAsync(Guid visitId, Guid photoId, CancellationToken ct)
    {
        var visit = await db.Visits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId, ct) ?? throw new NotFoundException();
        var photo = await db.VisitPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.VisitId == visit.Id, ct) ?? throw new NotFoundException();
        return new OpenedAttachment(store.OpenRead(photo.StoredName), photo.ContentType, photo.FileName);
    }
}