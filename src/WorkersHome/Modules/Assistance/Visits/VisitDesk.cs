using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Files;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Visits;

/// <summary>Plans a campaign's visits: every household of the chosen groups in the cadre's subtree, due by a date.</summary>
public sealed record VisitCampaign(string? Campaign, DateOnly? DueOn, IReadOnlyList<VisitGroup>? Groups);

public sealed record VisitRecord(int Version, DateOnly? VisitedOn, string? Visitors, string? Given, decimal? GivenAmount, string? Notes);

public sealed record VisitRow(Guid Id, string Campaign, Guid MemberId, string MemberName, string UnionName, VisitGroup Group, string GroupLabel, DateOnly DueOn,
    VisitStatus Status, bool Overdue, DateOnly? VisitedOn, string? Visitors, string? Given, decimal? GivenAmount, string? Notes, int Photos, int Version);

public static class VisitAuditActions
{
    public const string Planned = "assistance.visits-planned";
    public const string Recorded = "assistance.visit-recorded";
}

/// <summary>
/// 五必访: a campaign plans visits to the households of the five must-visit groups, found from the hardship archive and
/// the member groups; each visit is then recorded (who went, when, what was given, photos). Visits past their date are
/// flagged overdue until made.
/// </summary>
public sealed class VisitDesk(AppDbContext db, IMemberDirectory members, Organizations.Contracts.IOrgDirectory orgs, SealedFileStore store, AuditTrail audit, CurrentCadre cadre, TimeProvider clock)
{
    public const long MaxPhotoBytes = 5 * 1024 * 1024;

    /// <summary>The upload rule of visit photos (<see cref="UploadLimitAttribute"/>).</summary>
    public const string PhotoUpload = "visit-photo";
    public const int MaxPhotos = 6;

    public async Task<int> PlanAsync(VisitCampaign request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var campaign = request.Campaign?.Trim() ?? "";
        if (campaign.Length is 0 or > 60)
        {
            errors.Add(nameof(VisitCampaign.Campaign), "请填写走访活动名称（60 字以内）", "Enter the campaign's name (up to 60 characters)");
        }

        if (request.DueOn is null)
        {
            errors.Add(nameof(VisitCampaign.DueOn), "请填写走访截止日期", "Enter the date visits are due by");
        }

        var groups = request.Groups?.Where(Enum.IsDefined).Distinct().ToList() ?? [];
        if (groups.Count == 0)
        {
            errors.Add(nameof(VisitCampaign.Groups), "请至少选择一类走访对象", "Choose at least one group to visit");
        }

        errors.ThrowIfAny();
        var files = await db.HardshipFiles.AsNoTracking().Where(f => f.Status == HardshipStatus.Active)
            .Select(f => new { f.MemberId, f.MemberName, f.OrgId, f.OrgPath, f.Causes }).ToListAsync(ct);
        var planned = await db.Visits.Where(v => v.Campaign == campaign).Select(v => new { v.MemberId, v.Group }).ToListAsync(ct);
        var taken = planned.Select(p => (p.MemberId, p.Group)).ToHashSet();
        var added = 0;
        var modelWorkers = groups.Contains(VisitGroup.ModelWorker)
            ? await members.InGroupAsync([.. files.Select(f => f.MemberId)], MemberGroups.ModelWorker, ct)
            : new HashSet<Guid>();
        foreach (var file in files)
        {
            var groupsOfFile = GroupsOf(file.Causes, groups, modelWorkers.Contains(file.MemberId));
            foreach (var group in groupsOfFile.Where(g => taken.Add((file.MemberId, g))))
            {
                db.Visits.Add(new Visit
                {
                    Id = RandomPool.CreateVersion7(clock.GetUtcNow()),
                    Campaign = campaign,
                    MemberId = file.MemberId,
                    MemberName = file.MemberName,
                    OrgId = file.OrgId,
                    OrgPath = file.OrgPath,
                    Group = group,
                    DueOn = request.DueOn!.Value,
                    Status = VisitStatus.Planned,
                    PlannedBy = cadre.UserName,
                });
                added++;
            }
        }

        audit.Record(VisitAuditActions.Planned, "visit-campaign", null, cadre.OrgPath, new { campaign, groups, added });
        // Planning twice adds only the households not yet planned: the unique index keeps one visit per household, group and campaign.
        await db.SaveChangesAsync(ct);
        return added;
    }

    public async Task RecordAsync(Guid visitId, VisitRecord record, CancellationToken ct)
    {
        var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == visitId, ct) ?? throw new NotFoundException();
        if (visit.Version != record.Version)
        {
            throw new ConflictException(Loc.T("该走访记录已被他人修改，请刷新后再办理", "The visit changed meanwhile; reload it"));
        }

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
        (visit.Status, visit.VisitedOn, visit.Visitors, visit.Given, visit.GivenAmount, visit.Notes, visit.RecordedBy, visit.Version) =
            (VisitStatus.Visited, record.VisitedOn, Cut(record.Visitors, 100), Cut(record.Given, 200), record.GivenAmount, Cut(record.Notes, 500), cadre.UserName, record.Version + 1);
        audit.Record(VisitAuditActions.Recorded, "visit", visit.Id.ToString(), visit.OrgPath, new { visit.Campaign, visit.Group, visit.VisitedOn });
        await db.SaveChangesAsync(ct);
    }

    public async Task AddPhotoAsync(Guid visitId, Stream content, string? fileName, CancellationToken ct)
    {
        var visit = await db.Visits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId, ct) ?? throw new NotFoundException();
        if (await db.VisitPhotos.CountAsync(p => p.VisitId == visit.Id, ct) >= MaxPhotos)
        {
            throw new ConflictException(Loc.T($"每次走访最多 {MaxPhotos} 张照片", $"A visit holds at most {MaxPhotos} photos"));
        }

        var bytes = await HardshipAttachments.ReadLimitedAsync(content, MaxPhotoBytes, ct);
        var type = UploadedDocuments.Require(bytes, imagesOnly: true);

        var photo = new VisitPhoto
        {
            Id = RandomPool.CreateVersion7(clock.GetUtcNow()),
            VisitId = visit.Id,
            FileName = HardshipAttachments.CleanName(fileName, type),
            ContentType = type,
            Size = bytes.Length,
            UploadedAt = clock.GetUtcNow(),
        };
        await using (var sealedFile = store.Create(photo.StoredName))
        {
            await sealedFile.WriteAsync(bytes, ct);
        }

        db.VisitPhotos.Add(photo);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            store.Delete(photo.StoredName);
            throw;
        }
    }

    public async Task<OpenedAttachment> OpenPhotoAsync(Guid visitId, Guid photoId, CancellationToken ct)
    {
        var visit = await db.Visits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId, ct) ?? throw new NotFoundException();
        var photo = await db.VisitPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.VisitId == visit.Id, ct) ?? throw new NotFoundException();
        return new OpenedAttachment(store.OpenRead(photo.StoredName), photo.ContentType, photo.FileName);
    }

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

    /// <summary>Which of the chosen groups a household belongs to: by the archive's causes, and for model workers by the member's groups.</summary>
    private static List<VisitGroup> GroupsOf(HardshipCause causes, List<VisitGroup> chosen, bool modelWorker) =>
        chosen.Where(group => group switch
        {
            VisitGroup.Hardship => true,
            VisitGroup.SeriouslyIll => causes.HasFlag(HardshipCause.Illness),
            VisitGroup.WorkInjury => causes.HasFlag(HardshipCause.WorkInjury),
            VisitGroup.Disaster => causes.HasFlag(HardshipCause.Disaster),
            _ => modelWorker,
        }).ToList();

    private static string? Cut(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, max)];
}