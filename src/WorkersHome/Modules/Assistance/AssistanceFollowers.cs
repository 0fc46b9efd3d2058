using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Statistics;

namespace WorkersHome.Modules.Assistance;

/// <summary>An open hardship file follows its member to a new union, so that the new union's cadres keep the household in view.</summary>
public sealed class AssistanceMembershipFollower(AppDbContext db) : IMembershipFollower
{
    public Task OnStatusChangedAsync(MemberSummary member, bool countedBefore, string actorName, CancellationToken ct) => Task.CompletedTask;

    public async Task OnMovedAsync(MemberSummary member, CancellationToken ct)
    {
        var file = await db.HardshipFiles.IgnoreQueryFilters().FirstOrDefaultAsync(f => f.MemberId == member.Id && f.Status != HardshipStatus.Exited, ct);
        if (file is null)
        {
            return;
        }

        if (file.Status == HardshipStatus.Active)
        {
            db.Counters.Add(file.OrgPath, Metrics.HardshipHouseholds, (int)file.PrimaryCause, -1);
            db.Counters.Add(member.OrgPath, Metrics.HardshipHouseholds, (int)file.PrimaryCause);
        }

        file.MoveTo(member.OrgId, member.OrgPath);
    }
}

/// <summary>Keeps files' copied org paths in step when the tree moves or unions merge (the figures move with the tree's own follower).</summary>
public sealed class AssistanceTreeFollower(AppDbContext db) : IOrgTreeChangeHandler
{
    public async Task OnSubtreeMovedAsync(string oldPath, string newPath, CancellationToken ct)
    {
        var oldLength = oldPath.Length;
        await db.HardshipFiles.IgnoreQueryFilters().Where(f => f.OrgPath.StartsWith(oldPath))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.OrgPath, f => newPath + f.OrgPath.Substring(oldLength)), ct);
    }

    public async Task OnUnionMergedAsync(long sourceId, string sourcePath, long targetId, string targetPath, CancellationToken ct) =>
        await db.HardshipFiles.IgnoreQueryFilters().Where(f => f.OrgPath == sourcePath)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.OrgId, targetId).SetProperty(f => f.OrgPath, targetPath), ct);
}