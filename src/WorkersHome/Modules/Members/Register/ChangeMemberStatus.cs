using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Members.Register;

/// <summary>Ends, retains or restores a membership; counts and history follow in the same transaction.</summary>
public sealed class ChangeMemberStatus(AppDbContext db, IOrgRollupWriter rollups, Statistics.MemberStatsWriter stats, AuditTrail audit, CurrentCadre cadre,
    TimeProvider clock, IEnumerable<Contracts.IMembershipFollower> followers)
{
    /// <summary>Which statuses a cadre may set from which: the member's own state table.</summary>
    public static bool IsAllowed(MembershipStatus from, MembershipStatus to) => Member.CanChangeStatus(from, to);

    public async Task<Member> ExecuteAsync(Guid id, int expectedVersion, MembershipStatus status, string? note, CancellationToken ct = default)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException();
        member.EnsureCanChangeStatus(status);
        var now = clock.GetUtcNow();
        var delta = (Member.CountsAsMember(status) ? 1 : 0) - (Member.CountsAsMember(member.Status) ? 1 : 0);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Entry(member).Property(m => m.Version).OriginalValue = expectedVersion;
        var before = member.Status;
        stats.Add(member.OrgPath, Statistics.Contribution.Of(member).Negate());
        member.ChangeStatus(status, expectedVersion, now);
        db.MembershipEvents.Add(new MembershipEvent
        {
            MemberId = member.Id,
            OrgId = member.OrgId,
            At = now,
            Status = status,
            Note = note?.Trim() ?? "",
            ActorName = cadre.UserNameOrNull ?? "system",
        });
        audit.Record(MemberAuditActions.StatusChanged, "member", member.Id.ToString(), member.OrgPath, new { before, after = status });
        foreach (var follower in followers)
        {
            await follower.OnStatusChangedAsync(MemberDirectory.Summary(member), Member.CountsAsMember(before), cadre.UserNameOrNull ?? "system", ct);
        }

        await db.SaveChangesAsync(ct);
        stats.Add(member.OrgPath, Statistics.Contribution.Of(member));
        await stats.FlushAsync(ct);
        if (delta != 0)
        {
            await rollups.AdjustMembersAsync(member.OrgId, delta, ct);
        }

        await transaction.CommitAsync(ct);
        return member;
    }
}