using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Visits;

/// <summary>Plans a campaign's visits: every household of the chosen groups in the cadre's subtree, due by a date.</summary>
public sealed record VisitCampaign(string? Campaign, DateOnly? DueOn, IReadOnlyList<VisitGroup>? Groups);

/// <summary>
/// 五必访: a campaign plans visits to the households of the five must-visit groups, found from the hardship archive and
/// the member groups. Planning again adds only the households not yet planned.
/// </summary>
public sealed class PlanVisits(AppDbContext db, IMemberDirectory members, AuditTrail audit, CurrentCadre cadre, TimeProvider clock)
{
    public async Task<int> ExecuteAsync(VisitCampaign request, CancellationToken ct)
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
                db.Visits.Add(Visit.Plan(RandomPool.CreateVersion7(clock.GetUtcNow()), campaign, file.MemberId, file.MemberName, file.OrgId, file.OrgPath, group,
                    request.DueOn!.Value, cadre.UserName));
                added++;
            }
        }

        audit.Record(VisitAuditActions.Planned, "visit-campaign", null, cadre.OrgPath, new { campaign, groups, added });
        // Planning twice adds only the households not yet planned: the unique index keeps one visit per household, group and campaign.
        await db.SaveChangesAsync(ct);
        return added;
    }

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
}