using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Register;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Members.Browse;

public sealed record MemberFilter
{
    public long? OrgId { get; init; }

    public MembershipStatus? Status { get; init; }

    public EmploymentForm? EmploymentForm { get; init; }

    public bool? Migrant { get; init; }

    public int? MinAge { get; init; }

    public int? MaxAge { get; init; }

    public int? JoinYear { get; init; }

    /// <summary>Part of a name (建国 finds 王建国), or a full ID or mobile number (exact, through the keyed hash).</summary>
    public string? Search { get; init; }

    /// <summary>name (default), joined (newest first) or age (oldest first).</summary>
    public string? Sort { get; init; }

    /// <summary>Start the page after this member's row (the last row of the page before): keyset paging, as cheap deep as shallow.</summary>
    public Guid? After { get; init; }

    /// <summary>End the page before this member's row (the first row of the page after): paging back.</summary>
    public Guid? Before { get; init; }

    /// <summary>Offset paging, for API callers that count rows; ignored when <see cref="After"/> or <see cref="Before"/> is set.</summary>
    public int? Skip { get; init; }

    public int? Take { get; init; }
}

/// <summary>
/// The list filters an address may carry: a node, a status, ages … but no name or number, which travel in a POST body
/// (<see cref="MemberFilter.Search"/>) because addresses end up in logs, proxies and browser history.
/// </summary>
public sealed record MemberBrowse(long? OrgId, MembershipStatus? Status, EmploymentForm? EmploymentForm, bool? Migrant, int? MinAge, int? MaxAge,
    int? JoinYear, string? Sort, int? Skip, int? Take, Guid? After = null, Guid? Before = null)
{
    public MemberFilter ToFilter() => new()
    {
        OrgId = OrgId,
        Status = Status,
        EmploymentForm = EmploymentForm,
        Migrant = Migrant,
        MinAge = MinAge,
        MaxAge = MaxAge,
        JoinYear = JoinYear,
        Sort = Sort,
        Skip = Skip,
        Take = Take,
        After = After,
        Before = Before,
    };
}

public sealed record MemberRow(Guid Id, string Name, Gender Gender, string IdMasked, string? PhoneMasked, DateOnly BirthDate,
    long OrgId, string OrgName, EmploymentForm EmploymentForm, bool IsMigrantWorker, DateOnly JoinedOn, MembershipStatus Status, int Version,
    Contracts.MemberGroups Groups = Contracts.MemberGroups.None);

/// <summary>One page of the list; <paramref name="HasNext"/> and <paramref name="HasPrevious"/> say whether paging on finds rows.</summary>
public sealed record MemberPage(IReadOnlyList<MemberRow> Rows, int Total, bool HasNext = false, bool HasPrevious = false);

public sealed record RevealedMember(Guid Id, string Name, string IdNumber, string? Phone);

/// <summary>The member list of the cadre's subtree: masked personal data; full values only by an audited reveal.</summary>
public sealed class MemberQueries(AppDbContext db, IOrgDirectory orgs, PersonalDataProtector protector, AuditTrail audit, TimeProvider clock)
{
    public async Task<MemberPage> ListAsync(MemberFilter filter, CancellationToken ct = default)
    {
        var query = await FilteredAsync(filter, ct);
        var total = await query.CountAsync(ct);
        var sort = MemberOrder.Normalize(filter.Sort);
        var take = Math.Clamp(filter.Take ?? 50, 1, 200);
        var anchored = false;
        var backwards = false;
        var skip = 0;
        if ((filter.After ?? filter.Before) is { } anchorId)
        {
            // A row that has left the cadre's view since the page was shown restarts the list rather than failing.
            var anchor = await db.Members.AsNoTracking().Where(m => m.Id == anchorId)
                .Select(m => new MemberSortKey(m.Id, m.Name, m.JoinedOn, m.BirthDate)).FirstOrDefaultAsync(ct);
            if (anchor is not null)
            {
                anchored = true;
                backwards = filter.After is null;
                query = MemberOrder.Beyond(query, sort, anchor, backwards);
            }
        }
        else
        {
            skip = Math.Max(0, filter.Skip ?? 0);
        }

        // One row more than the page says whether there is a next one without counting.
        var paged = MemberOrder.Sorted(query, sort, backwards).Skip(skip).Take(take + 1);
        // Pick the page's ids from an index alone, then read just those rows: sorting a county's or a city's members
        // would otherwise visit one table page per member before the sort keeps fifty.
        var ids = await paged.Select(m => m.Id).ToListAsync(ct);
        var more = ids.Count > take;
        if (more)
        {
            ids.RemoveAt(take);
        }

        // A row removed between the two reads is left out rather than failing the page.
        var byId = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var page = ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();

        if (backwards)
        {
            page.Reverse();
        }

        var hasNext = backwards || more;
        var hasPrevious = backwards ? more : anchored || skip > 0;
        var names = await orgs.FindManyAsync(page.Select(m => m.OrgId), ct);
        var rows = page.Select(m => ToRow(m, names.TryGetValue(m.OrgId, out var o) ? o.Name : "")).ToList();
        return new MemberPage(rows, total, hasNext, hasPrevious);
    }

    /// <summary>The members a filter selects, inside the request's subtree.</summary>
    internal async Task<IQueryable<Member>> FilteredAsync(MemberFilter filter, CancellationToken ct)
    {
        var search = filter.Search?.Trim();
        var nameFragment = IsNameSearch(search) ? search : null;
        var query = db.Members.AsNoTracking();
        var searchRoot = db.ScopePath;
        if (filter.OrgId is { } orgId)
        {
            var org = await orgs.FindInScopeAsync(orgId, ct) ?? throw new NotFoundException();
            searchRoot = org.Path;
            // The node lies inside the cadre's subtree, so selecting its subtree implies the scope; saying both would
            // make PostgreSQL multiply the two selectivities and expect a handful of members where there are thousands.
            query = db.Members.IgnoreQueryFilters().AsNoTracking();
            if (db.IsPostgres && CityCode(org.Path) is { } city)
            {
                // Codes are unique nationwide, so "the path's third code is the city's" is the city's subtree, said in
                // the words of the city index (migration MemberCityIndex): a city's list is read newest first and
                // counted from that index alone.
                query = query.Where(m => PostgresText.SplitPart(m.OrgPath, "/", CitySegment) == city);
            }
            else
            {
                var to = org.Path + "~";
                query = query.Where(m => string.Compare(m.OrgPath, org.Path) >= 0 && string.Compare(m.OrgPath, to) < 0);
            }
        }

        var nameKeys = NameKeysFor(nameFragment, searchRoot);
        if (nameKeys is { Exact: true })
        {
            // The keys name the node (it is the cadre's own or was checked against the scope above), so they select its
            // subtree: a path range beside them would only invite PostgreSQL to read the whole subtree instead.
            query = db.Members.IgnoreQueryFilters().AsNoTracking();
        }

        if (filter.Status is { } status)
        {
            query = query.Where(m => m.Status == status);
        }

        if (filter.EmploymentForm is { } form)
        {
            query = query.Where(m => m.EmploymentForm == form);
        }

        if (filter.Migrant is { } migrant)
        {
            query = query.Where(m => m.IsMigrantWorker == migrant);
        }

        var today = clock.Today();
        if (filter.MinAge is { } minAge)
        {
            var bornBy = today.AddYears(-minAge);
            query = query.Where(m => m.BirthDate <= bornBy);
        }

        if (filter.MaxAge is { } maxAge)
        {
            var bornAfter = today.AddYears(-maxAge - 1);
            query = query.Where(m => m.BirthDate > bornAfter);
        }

        if (filter.JoinYear is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var until = from.AddYears(1);
            query = query.Where(m => m.JoinedOn >= from && m.JoinedOn < until);
        }

        if (nameFragment is not null)
        {
            query = query.Where(m => m.Name.Contains(nameFragment));
            if (nameKeys is { Keys: var keys })
            {
                query = query.Where(m => MemberNameKeys.Contain(m.OrgPath, m.Name, keys));
            }
        }
        else if (!string.IsNullOrEmpty(search))
        {
            var hash = protector.BlindIndex(search);
            query = query.Where(m => m.IdHash == hash || m.PhoneHash == hash);
        }

        return query;
    }

    /// <summary>
    /// The name keys (migration MemberNameKeys) that narrow a search for <paramref name="fragment"/> below
    /// <paramref name="root"/> on PostgreSQL, and whether they select that subtree by themselves; null where they do not
    /// apply (SQLite, a one-character fragment, the whole tree or no scope at all).
    /// </summary>
    private (string[] Keys, bool Exact)? NameKeysFor(string? fragment, string? root)
    {
        if (fragment is null || !db.IsPostgres || string.IsNullOrEmpty(root) || MemberNameKeys.KeyNode(root) is not { } node)
        {
            return null;
        }

        var keys = MemberNameKeys.For(node.Code, fragment);
        return keys.Length == 0 ? null : (keys, node.Exact);
    }

    /// <summary>The path piece that split_part numbers 4: /CN/41/4101/… has "", CN, 41, 4101.</summary>
    private const int CitySegment = 4;

    /// <summary>The node's own code if it is the third on its path (root, province, city on the national tree).</summary>
    private static string? CityCode(string path)
    {
        var pieces = path.Split('/');
        return pieces.Length == CitySegment + 1 && pieces[CitySegment].Length == 0 ? pieces[CitySegment - 1] : null;
    }

    /// <summary>A full ID or mobile number is looked up exactly by its keyed hash; anything else is part of a name.</summary>
    private static bool IsNameSearch(string? search) =>
        !string.IsNullOrWhiteSpace(search) && !(search.Trim().Length >= 11 && search.Trim().All(c => char.IsAsciiDigit(c) || c is 'X' or 'x'));

    public async Task<MemberRow> GetAsync(Guid id, CancellationToken ct = default)
    {
        var m = await db.Members.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        var org = await orgs.FindInScopeAsync(m.OrgId, ct);
        return ToRow(m, org?.Name ?? "");
    }

    private static MemberRow ToRow(Member m, string orgName) =>
        new(m.Id, m.Name, m.Gender, m.IdMasked, m.PhoneMasked, m.BirthDate, m.OrgId, orgName, m.EmploymentForm, m.IsMigrantWorker, m.JoinedOn, m.Status, m.Version, m.Groups);

    /// <summary>The full ID and phone of one member, for a cadre holding the reveal permission; every reveal is audited.</summary>
    public async Task<RevealedMember> RevealAsync(Guid id, CancellationToken ct = default)
    {
        var m = await db.Members.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        await audit.RecordNowAsync(MemberAuditActions.Revealed, "member", m.Id.ToString(), m.OrgPath, new { m.IdMasked }, ct: ct);
        return new RevealedMember(m.Id, m.Name, protector.Decrypt(m.IdCipher), m.PhoneCipher is null ? null : protector.Decrypt(m.PhoneCipher));
    }
}