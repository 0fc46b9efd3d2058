using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Archive;

public sealed record HardshipFilter(HardshipStatus? Status = null, bool DueOnly = false, string? Q = null);

public sealed record HardshipRow(Guid Id, Guid MemberId, string MemberName, string IdMasked, string UnionName, HardshipStatus Status, string StatusLabel,
    string PrimaryCause, string Causes, int HouseholdSize, string Housing, DateTimeOffset FiledAt, DateOnly? ReviewDueOn, bool ReviewDue, int Version);

public sealed record HardshipStepView(string Step, string Actor, string ActorOrg, DateTimeOffset At, string Outcome, string? Reason);

public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt);

/// <summary>
/// A file as its reader may see it: <see cref="Details"/> (the household's health, work and income) is null unless the
/// reader is the member or a cadre allowed to see it, and every such cadre's view is audited.
/// </summary>
public sealed record HardshipFileView(HardshipRow File, bool FamilyChecked, bool CauseChecked, bool NeedsChecked, string? ProposedBy,
    DateOnly? ApprovedOn, DateOnly? ExitedOn, string? LastReason, HardshipDetails? Details, string? IncomeOutcome,
    IReadOnlyList<HardshipStepView> History, IReadOnlyList<AttachmentView> Attachments, HousingKind Housing, HardshipCause CauseFlags, HardshipCause PrimaryCauseValue)
{
    /// <summary>The form as filed, to correct or update it; empty for a reader who may not see the household.</summary>
    public HardshipForm ToForm() => Details is not { } d ? new() : new()
    {
        Household = d.Household,
        Housing = Housing,
        Causes = HardshipNames.Causes.Where(c => CauseFlags.HasFlag(c)).ToArray(),
        PrimaryCause = PrimaryCauseValue,
        Needs = d.Needs,
        Note = d.Note,
    };
}

public sealed class HardshipQueries(AppDbContext db, IOrgDirectory orgs, HardshipDetailsCipher cipher, AuditTrail audit, CurrentCadre cadre,
    ArchiveOptions options, TimeProvider clock)
{
    public const int PageSize = 200;

    public async Task<IReadOnlyList<HardshipRow>> ListAsync(HardshipFilter filter, CancellationToken ct) =>
        await RowsAsync(await Filtered(filter).OrderBy(f => f.OrgPath).ThenBy(f => f.MemberName).Take(PageSize).ToListAsync(ct), ct);

    public IQueryable<HardshipFile> Filtered(HardshipFilter filter)
    {
        var query = db.HardshipFiles.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(f => f.Status == status);
        }

        if (filter.DueOnly)
        {
            var due = DueLimit();
            query = query.Where(f => f.Status == HardshipStatus.Active && f.ReviewDueOn <= due);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(f => f.MemberName.Contains(q));
        }

        return query;
    }

    /// <summary>Files in the subtree waiting for this cadre's level: checks and proposals, approvals, and reviews falling due.</summary>
    public async Task<(int Submitted, int Proposed, int Due)> WaitingAsync(CancellationToken ct)
    {
        var due = DueLimit();
        var counts = await db.HardshipFiles.GroupBy(f => 1).Select(g => new
        {
            Submitted = g.Count(f => f.Status == HardshipStatus.Submitted),
            Proposed = g.Count(f => f.Status == HardshipStatus.Proposed),
            Due = g.Count(f => f.Status == HardshipStatus.Active && f.ReviewDueOn <= due),
        }).FirstOrDefaultAsync(ct);
        return counts is null ? (0, 0, 0) : (counts.Submitted, counts.Proposed, counts.Due);
    }

    public async Task<HardshipFileView> DetailAsync(Guid id, CancellationToken ct)
    {
        var file = await db.HardshipFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw new NotFoundException();
        var sensitive = cadre.Has(AssistancePermissions.Sensitive);
        if (sensitive)
        {
            audit.Record(HardshipAuditActions.DetailsViewed, "hardship-file", file.Id.ToString(), file.OrgPath, new { file.MemberName });
            await db.SaveChangesAsync(ct);
        }

        return await ViewAsync(file, sensitive, ct);
    }

    /// <summary>The signed-in member's own files, newest first, with everything they filed.</summary>
    public async Task<IReadOnlyList<HardshipFileView>> MineAsync(Guid memberId, CancellationToken ct)
    {
        var files = await db.HardshipFiles.IgnoreQueryFilters().AsNoTracking().Where(f => f.MemberId == memberId).OrderByDescending(f => f.FiledAt).ToListAsync(ct);
        var views = new List<HardshipFileView>();
        foreach (var file in files)
        {
            views.Add(await ViewAsync(file, true, ct));
        }

        return views;
    }

    private async Task<HardshipFileView> ViewAsync(HardshipFile file, bool withDetails, CancellationToken ct)
    {
        var history = await db.HardshipSteps.AsNoTracking().Where(s => s.FileId == file.Id).OrderBy(s => s.Id).ToListAsync(ct);
        var attachments = await db.HardshipAttachments.AsNoTracking().Where(a => a.FileId == file.Id).OrderBy(a => a.UploadedAt)
            .Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt)).ToListAsync(ct);
        var details = withDetails ? cipher.Read(file) : null;
        var row = (await RowsAsync([file], ct))[0];
        return new HardshipFileView(row, file.FamilyChecked, file.CauseChecked, file.NeedsChecked, file.ProposedBy, file.ApprovedOn, file.ExitedOn,
            file.LastReason, details, details is null ? null : HardshipFormRules.IncomeOutcome(details, options.IncomeLineFor(file.OrgPath)).Text,
            history.Select(s => new HardshipStepView(HardshipStep.Label(s.Kind).ToString(), s.Actor == HardshipFile.ByMember ? Loc.T("会员本人", "The member") : s.Actor,
                s.ActorOrg, s.At, s.Outcome, s.Reason)).ToList(), attachments, file.Housing, file.Causes, file.PrimaryCause);
    }

    private DateOnly DueLimit() => ChinaTime.DayOf(clock.GetUtcNow()).AddDays(options.RemindDaysBefore);

    private async Task<IReadOnlyList<HardshipRow>> RowsAsync(IReadOnlyList<HardshipFile> files, CancellationToken ct)
    {
        var names = await orgs.PublicNamesAsync(files.Select(f => f.OrgId).Distinct(), ct);
        var due = DueLimit();
        return files.Select(f => new HardshipRow(f.Id, f.MemberId, f.MemberName, f.IdMasked, names.GetValueOrDefault(f.OrgId, ""), f.Status,
            HardshipFile.StatusLabel(f.Status).ToString(), HardshipNames.Cause(f.PrimaryCause).ToString(), HardshipNames.CauseList(f.Causes), f.HouseholdSize,
            HardshipNames.Housing(f.Housing).ToString(), f.FiledAt, f.ReviewDueOn, f.Status == HardshipStatus.Active && f.ReviewDueOn <= due, f.Version)).ToList();
    }
}