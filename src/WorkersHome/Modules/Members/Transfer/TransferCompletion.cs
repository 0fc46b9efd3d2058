using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Statistics;

namespace WorkersHome.Modules.Members.Transfer;

/// <summary>
/// Moves the member's record to the receiving union, with its counts, history and card, in one transaction: the last
/// step of a transfer, whether the sending union confirms it or the days run out.
/// </summary>
public sealed class TransferCompletion(
    AppDbContext db, IOrgDirectory orgs, IOrgRollupWriter rollups, Statistics.MemberStatsWriter stats, IEnumerable<IMembershipFollower> followers,
    TransferSteps steps, AuditTrail audit, TimeProvider clock)
{
    public async Task CompleteAsync(MemberTransfer transfer, int version, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var member = await db.Members.IgnoreQueryFilters().FirstAsync(m => m.Id == transfer.MemberId, ct);
        member.EnsureCanMoveFrom(transfer.FromOrgId);
        var fromName = await orgs.PublicNameAsync(transfer.FromOrgId, ct) ?? "";
        var toName = await orgs.PublicNameAsync(transfer.ToOrgId, ct) ?? "";
        stats.Add(member.OrgPath, Statistics.Contribution.Of(member).Negate());
        member.MoveTo(transfer.FromOrgId, transfer.ToOrgId, transfer.ToPath, now);
        stats.Add(member.OrgPath, Statistics.Contribution.Of(member));
        db.MembershipEvents.Add(new MembershipEvent { MemberId = member.Id, OrgId = transfer.FromOrgId, At = now, Status = MembershipStatus.TransferredOut, Note = $"会籍转出至{toName}", ActorName = actor });
        db.MembershipEvents.Add(new MembershipEvent { MemberId = member.Id, OrgId = transfer.ToOrgId, At = now, Status = MembershipStatus.Active, Note = $"会籍转入自{fromName}", ActorName = actor });
        transfer.Complete(version, actor, now);
        var month = Metrics.Month(ChinaTime.DayOf(now));
        db.Counters.Add(transfer.ToPath, Metrics.TransferIn, month);
        db.Counters.Add(transfer.FromPath, Metrics.TransferOut, month);
        await steps.NotifyMemberAsync(member.Id, Loc.T("会籍转接已完成", "Transfer completed"),
            Loc.T($"您的会籍已由{fromName}转入{toName}。", $"Your membership moved from {fromName} to {toName}."), ct);
        db.Entry(transfer).Property(t => t.Version).OriginalValue = version;
        audit.Record(TransferAuditActions.Decided, "member", member.Id.ToString(), transfer.ToPath, new { status = transfer.Status, from = transfer.FromPath, to = transfer.ToPath }, actorName: actor);
        foreach (var follower in followers)
        {
            await follower.OnMovedAsync(MemberDirectory.Summary(member), ct);
        }

        await db.SaveChangesAsync(ct);
        await stats.FlushAsync(ct);
        await rollups.AdjustMembersAsync(transfer.FromOrgId, -1, ct);
        await rollups.AdjustMembersAsync(transfer.ToOrgId, 1, ct);
        await transaction.CommitAsync(ct);
    }
}