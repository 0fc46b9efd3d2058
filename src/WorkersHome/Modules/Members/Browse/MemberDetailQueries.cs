using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Transfer;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Members.Browse;

/// <summary>One step of the membership's history; <see cref="From"/> is the status the step before it left (null for the first).</summary>
public sealed record MembershipStep(DateTimeOffset At, MembershipStatus? From, MembershipStatus To, string Note, string ActorName, string UnionName);

public sealed record MemberTransferView(Guid Id, DateTimeOffset RequestedAt, string FromUnion, string ToUnion, TransferStatus Status, string RequestedBy,
    DateTimeOffset? ClosedAt, string? Reason);

/// <summary>Everything the member page shows of one record in the cadre's subtree, personal numbers masked.</summary>
public sealed record MemberDetail(Member Record, string UnionName, IReadOnlyList<MembershipStep> History, IReadOnlyList<MemberTransferView> Transfers)
{
    /// <summary>The statuses a cadre may set next (transfers have their own flow).</summary>
    public IEnumerable<MembershipStatus> NextStatuses =>
        Enum.GetValues<MembershipStatus>().Where(s => Register.ChangeMemberStatus.IsAllowed(Record.Status, s));
}

public sealed class MemberDetailQueries(AppDbContext db, IOrgDirectory orgs)
{
    /// <summary>The member with history and transfers; a member outside the cadre's subtree is not found.</summary>
    public async Task<MemberDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException();
        var events = await db.MembershipEvents.AsNoTracking().Where(e => e.MemberId == id).OrderBy(e => e.Id).ToListAsync(ct);
        var transfers = await db.MemberTransfers.AsNoTracking().Where(t => t.MemberId == id).OrderByDescending(t => t.RequestedAt).ToListAsync(ct);
        // The history and transfers name the unions of the member's past too, which may lie outside the cadre's subtree.
        var names = await orgs.PublicNamesAsync(events.Select(e => e.OrgId).Concat(transfers.SelectMany(t => new[] { t.FromOrgId, t.ToOrgId }))
            .Append(member.OrgId).Distinct(), ct);
        string Name(long orgId) => names.TryGetValue(orgId, out var n) ? n : "";

        var history = new List<MembershipStep>(events.Count);
        MembershipStatus? before = null;
        foreach (var e in events)
        {
            history.Add(new MembershipStep(e.At, before, e.Status, e.Note, e.ActorName, Name(e.OrgId)));
            before = e.Status;
        }

        history.Reverse();
        return new MemberDetail(member, Name(member.OrgId), history,
            transfers.Select(t => new MemberTransferView(t.Id, t.RequestedAt, Name(t.FromOrgId), Name(t.ToOrgId), t.Status, t.RequestedBy, t.ClosedAt, t.Reason))
                .ToList());
    }
}