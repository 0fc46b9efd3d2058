using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Members;

public sealed class MemberDirectory(AppDbContext db) : IMemberDirectory
{
    public Task<MemberSummary?> FindInScopeAsync(Guid memberId, CancellationToken ct = default) => FindAsync(db.Members, memberId, ct);

    public Task<MemberSummary?> FindCheckedAsync(Guid memberId, CancellationToken ct = default) => FindAsync(db.Members.IgnoreQueryFilters(), memberId, ct);

    public static MemberSummary Summary(Member m) =>
        new(m.Id, m.Name, m.OrgId, m.OrgPath, Member.CountsAsMember(m.Status), Member.StatusLabel(m.Status).Zh, Member.StatusLabel(m.Status).En);

    private static async Task<MemberSummary?> FindAsync(IQueryable<Member> members, Guid memberId, CancellationToken ct)
    {
        var member = await members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct);
        return member is null ? null : Summary(member);
    }
}