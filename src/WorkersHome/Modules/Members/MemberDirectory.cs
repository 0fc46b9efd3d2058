using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Members;

public sealed class MemberDirectory(AppDbContext db) : IMemberDirectory
{
    public Task<MemberSummary?> FindInScopeAsync(Guid memberId, CancellationToken ct = default) => FindAsync(db.Members, memberId, ct);

    public Task<MemberSummary?> FindCheckedAsync(Guid memberId, CancellationToken ct = default) => FindAsync(db.Members.IgnoreQueryFilters(), memberId, ct);

    public static MemberSummary Summary(Member m) =>
        new(m.Id, m.Name, m.OrgId, m.OrgPath, Member.CountsAsMember(m.Status), Member.StatusLabel(m.Status).Zh, Member.StatusLabel(m.Status).En, m.Groups);

    private static async Task<MemberSummary?> FindAsync(IQueryable<Member> members, Guid memberId, CancellationToken ct)
    {
        // Only what the summary needs: a till asks this for every sale, and the row also holds ciphertexts.
        var m = await members.AsNoTracking().Where(m => m.Id == memberId).Select(m => new { m.Id, m.Name, m.OrgId, m.OrgPath, m.Status, m.Groups }).FirstOrDefaultAsync(ct);
        return m is null ? null
            : new MemberSummary(m.Id, m.Name, m.OrgId, m.OrgPath, Member.CountsAsMember(m.Status), Member.StatusLabel(m.Status).Zh, Member.StatusLabel(m.Status).En, m.Groups);
    }
}