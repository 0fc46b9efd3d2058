using Microsoft.EntityFrameworkCore;

using Npgsql;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Modules.Members;

public sealed class MemberDirectory(AppDbContext db, DirectSql direct, AuditTrail audit, TimeProvider clock, PersonalDataProtector protector)
    : IMemberDirectory, IMemberGroupMarker
{
    private const string SummarySql = """
        SELECT "Id", "Name", "OrgId", "OrgPath", "Status", "Groups", "IdMasked", "IdHash" FROM members.members WHERE "Id" = $1
        """;

    public Task<MemberSummary?> FindInScopeAsync(Guid memberId, CancellationToken ct = default) => FindAsync(db.Members, memberId, ct);

    public Task<MemberSummary?> FindCheckedAsync(Guid memberId, CancellationToken ct = default) => FindAsync(db.Members.IgnoreQueryFilters(), memberId, ct);

    public Task<MemberSummary?> FindCheckedCommittedAsync(Guid memberId, CancellationToken ct = default) =>
        direct.IsAvailable
            ? direct.FirstOrDefaultAsync(SummarySql, r => Summary(r.GetGuid(0), r.GetString(1), r.GetInt64(2), r.GetString(3), (MembershipStatus)r.GetInt32(4),
                (MemberGroups)r.GetInt32(5), r.GetString(6), r.GetString(7)), ct, new NpgsqlParameter<Guid> { TypedValue = memberId })
            : FindCheckedAsync(memberId, ct);

    public async Task<IReadOnlyList<MemberSummary>> FindByPhoneInScopeAsync(string phoneHash, CancellationToken ct = default)
    {
        var signInIds = await db.MemberLogins.Where(l => l.PhoneHash == phoneHash).Select(l => l.MemberId).ToListAsync(ct);
        var found = await db.Members.AsNoTracking().Where(m => m.PhoneHash == phoneHash || signInIds.Contains(m.Id)).Take(10).ToListAsync(ct);
        return found.Select(Summary).ToList();
    }

    public async Task<StoredPhone?> PhoneAsync(Guid memberId, CancellationToken ct = default) =>
        await db.Members.IgnoreQueryFilters().Where(m => m.Id == memberId && m.PhoneCipher != null && m.PhoneHash != null)
            .Select(m => new StoredPhone(m.PhoneCipher!, m.PhoneHash!, m.PhoneMasked ?? "")).FirstOrDefaultAsync(ct);

    public static MemberSummary Summary(Member m) => Summary(m.Id, m.Name, m.OrgId, m.OrgPath, m.Status, m.Groups, m.IdMasked, m.IdHash);

    private static MemberSummary Summary(Guid id, string name, long orgId, string orgPath, MembershipStatus status, MemberGroups groups, string idMasked,
        string idHash) =>
        new(id, name, orgId, orgPath, Member.CountsAsMember(status), Member.StatusLabel(status).Zh, Member.StatusLabel(status).En, groups, idMasked, idHash);

    public async Task<IReadOnlySet<Guid>> InGroupAsync(IReadOnlyCollection<Guid> memberIds, MemberGroups group, CancellationToken ct = default)
    {
        var found = new HashSet<Guid>();
        // In slices, so that a city's whole archive never makes one statement with tens of thousands of parameters.
        foreach (var slice in memberIds.Distinct().Chunk(1_000))
        {
            found.UnionWith(await db.Members.IgnoreQueryFilters().Where(m => slice.Contains(m.Id) && (m.Groups & group) == group).Select(m => m.Id).ToListAsync(ct));
        }

        return found;
    }

    public async Task<IReadOnlyDictionary<Guid, string>> IdNumbersAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken ct = default)
    {
        var found = new Dictionary<Guid, string>();
        foreach (var slice in memberIds.Distinct().Chunk(1_000))
        {
            foreach (var m in await db.Members.IgnoreQueryFilters().AsNoTracking().Where(m => slice.Contains(m.Id)).Select(m => new { m.Id, m.IdCipher }).ToListAsync(ct))
            {
                found[m.Id] = protector.Decrypt(m.IdCipher);
            }
        }

        return found;
    }

    public async Task<IReadOnlyList<MemberSummary>> CountingPageAsync(string orgPath, Guid? after, int take, CancellationToken ct = default)
    {
        var to = orgPath + "~";
        var query = db.Members.IgnoreQueryFilters().AsNoTracking()
            .Where(m => string.Compare(m.OrgPath, orgPath) >= 0 && string.Compare(m.OrgPath, to) < 0
                && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Retained));
        if (after is { } last)
        {
            query = query.Where(m => m.Id.CompareTo(last) > 0);
        }

        var page = await query.OrderBy(m => m.Id).Take(take)
            .Select(m => new { m.Id, m.Name, m.OrgId, m.OrgPath, m.Status, m.Groups, m.IdMasked, m.IdHash }).ToListAsync(ct);
        return [.. page.Select(m => Summary(m.Id, m.Name, m.OrgId, m.OrgPath, m.Status, m.Groups, m.IdMasked, m.IdHash))];
    }

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken ct = default) =>
        await db.Members.IgnoreQueryFilters().AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);

    public async Task<int> CountingInSubtreeAsync(string orgPath, CancellationToken ct = default)
    {
        var code = Statistics.MemberStatsWriter.CodesOf(orgPath).LastOrDefault() ?? "";
        var row = await db.Set<Statistics.MemberStats>().AsNoTracking().Where(s => s.OrgCode == code).Select(s => new { s.Active, s.Retained }).FirstOrDefaultAsync(ct);
        return row is null ? 0 : row.Active + row.Retained;
    }

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
        // Only what the summary needs: the row also holds ciphertexts.
        var m = await members.AsNoTracking().Where(m => m.Id == memberId).Select(m => new { m.Id, m.Name, m.OrgId, m.OrgPath, m.Status, m.Groups, m.IdMasked, m.IdHash }).FirstOrDefaultAsync(ct);
        return m is null ? null : Summary(m.Id, m.Name, m.OrgId, m.OrgPath, m.Status, m.Groups, m.IdMasked, m.IdHash);
    }
}