using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Members;

/// <summary>Keeps members' copied org paths and unions in step when the tree moves or unions merge.</summary>
public sealed class MembersTreeFollower(AppDbContext db, TimeProvider clock, Statistics.MemberStatsWriter stats) : IOrgTreeChangeHandler
{
    public async Task OnSubtreeMovedAsync(string oldPath, string newPath, CancellationToken ct)
    {
        var oldLength = oldPath.Length;
        await db.Members.IgnoreQueryFilters().Where(m => m.OrgPath.StartsWith(oldPath))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.OrgPath, m => newPath + m.OrgPath.Substring(oldLength)), ct);
        await stats.MoveSubtreeAsync(oldPath, newPath, ct);
    }

    public async Task OnUnionMergedAsync(long sourceId, string sourcePath, long targetId, string targetPath, CancellationToken ct)
    {
        // Members belong to grassroots unions only, so the source's members are those whose path is the source's path.
        var movingMembers = await db.Members.IgnoreQueryFilters().AsNoTracking().Where(m => m.OrgPath == sourcePath).ToListAsync(ct);
        var moving = movingMembers.Select(m => m.Id).ToList();
        foreach (var member in movingMembers)
        {
            stats.Add(member.OrgPath, Statistics.Contribution.Of(member).Negate());
            stats.Add(targetPath, Statistics.Contribution.Of(member));
        }

        await stats.FlushAsync(ct);
        var now = clock.GetUtcNow();
        db.MembershipEvents.AddRange(moving.Select(id => new MembershipEvent
        {
            MemberId = id,
            OrgId = targetId,
            At = now,
            Status = MembershipStatus.Active,
            Note = "所在工会合并",
            ActorName = "system",
        }));
        await db.Members.IgnoreQueryFilters().Where(m => m.OrgPath == sourcePath)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.OrgId, targetId).SetProperty(m => m.OrgPath, targetPath), ct);
    }
}