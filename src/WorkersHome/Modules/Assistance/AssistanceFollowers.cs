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