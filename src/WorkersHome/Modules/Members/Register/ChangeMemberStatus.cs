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
    /// <summary>Which statuses a cadre may set from which (transfers have their own flow).</summary>
    public static bool IsAllowed(MembershipStatus from, MembershipStatus to) => (from, to) switch
    {
        (MembershipStatus.Active, MembershipStatus.Retained or MembershipStatus.Left or MembershipStatus.Deceased) => true,
        (MembershipStatus.Retained, MembershipStatus.Active or MembershipStatus.Left or MembershipStatus.Deceased) => true,
        (MembershipStatus.Left, MembershipStatus.Active) => true,
        _ => false,
    };

    public async Task<Member> ExecuteAsync(Guid id, int expectedVersion, MembershipStatus status, string? note, CancellationToken ct = default)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException();
        if (!IsAllowed(member.Status, status))
        {
            throw new ConflictException(Loc.T($"会籍状态不能从“{Member.StatusLabel(member.Status).Zh}”改为“{Member.StatusLabel(status).Zh}”",
                $"Membership cannot go from {Member.StatusLabel(member.Status).En} to {Member.StatusLabel(status).En}"));
        }

        var now = clock.GetUtcNow();
        var delta = (Member.CountsAsMember(status) ? 1 : 0) - (Member.CountsAsMember(member.Status) ? 1 : 0);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Entry(member).Property(m => m.Version).OriginalValue = expectedVersion;
        var before = member.Status;
        stats.Add(member.OrgPath, Statistics.Contribution.Of(member).Negate());
        member.Status = status;
        member.Version = expectedVersion + 1;
        member.UpdatedAt = now;
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