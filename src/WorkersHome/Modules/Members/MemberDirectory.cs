using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Members;

public sealed class MemberDirectory(AppDbContext db, AuditTrail audit, TimeProvider clock) : IMemberDirectory, IMemberGroupMarker
{
    public Task<MemberSummary?> FindInScopeAsync(Guid memberId, CancellationToken ct = default) => FindAsync(db.Members, memberId, ct);

    public Task<MemberSummary?> FindCheckedAsync(Guid memberId, CancellationToken ct = default) => FindAsync(db.Members.IgnoreQueryFilters(), memberId, ct);

    public static MemberSummary Summary(Member m) =>
        new(m.Id, m.Name, m.OrgId, m.OrgPath, Member.CountsAsMember(m.Status), Member.StatusLabel(m.Status).Zh, Member.StatusLabel(m.Status).En, m.Groups, m.IdMasked, m.IdHash);

    public Task<string?> SignInPhoneHashAsync(Guid memberId, CancellationToken ct = default) =>
        db.MemberLogins.Where(l => l.MemberId == memberId).Select(l => l.PhoneHash).FirstOrDefaultAsync(ct);

    public async Task SetAsync(Guid memberId, MemberGroups group, bool belongs, string reason, CancellationToken ct = default)
    {
        var member = await db.Members.IgnoreQueryFilters().FirstAsync(m => m.Id == memberId, ct);
        var before = member.Groups;
        var after = belongs ? before | group : before & ~group;
        if (after == before)
        {
            return;
        }

        (member.Groups, member.Version, member.UpdatedAt) = (after, member.Version + 1, clock.GetUtcNow());
        audit.Record(Register.SetMemberGroups.AuditAction, "member", member.Id.ToString(), member.OrgPath, new { before, after, reason });
    }

    private static async Task<MemberSummary?> FindAsync(IQueryable<Member> members, Guid memberId, CancellationToken ct)
    {
        // Only what the summary needs: a till asks this for every sale, and the row also holds ciphertexts.
        var m = await members.AsNoTracking().Where(m => m.Id == memberId).Select(m => new { m.Id, m.Name, m.OrgId, m.OrgPath, m.Status, m.Groups, m.IdMasked, m.IdHash }).FirstOrDefaultAsync(ct);
        return m is null ? null
            : new MemberSummary(m.Id, m.Name, m.OrgId, m.OrgPath, Member.CountsAsMember(m.Status), Member.StatusLabel(m.Status).Zh, Member.StatusLabel(m.Status).En, m.Groups, m.IdMasked, m.IdHash);
    }
}