using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Members;

/// <summary>
/// Keeps the member figures and histories in step when the tree moves or unions merge. The members' copied paths themselves
/// follow through <see cref="Platform.Persistence.OrgOwnership.OrgOwnedRows"/>, which runs after this (so the old paths are still there).
/// </summary>
public sealed class MembersTreeFollower(AppDbContext db, TimeProvider clock, Statistics.MemberStatsWriter stats) : IOrgTreeChangeHandler
{
    public async Task OnSubtreeMovedAsync(string oldPath, string newPath, CancellationToken ct)
    {
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
    }
}