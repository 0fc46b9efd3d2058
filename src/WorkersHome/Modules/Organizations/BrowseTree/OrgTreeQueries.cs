using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Organizations.BrowseTree;

public sealed record OrgNodeView(
    long Id, string Code, string Name, OrgLevel Level, OrgStatus Status, long? ParentId, string Path,
    int SubUnits, int GrassrootsUnions, int Members, bool HasChildren);

public sealed record BreadcrumbItem(long Id, string Name);

/// <summary>Read side of the tree: every query runs through the request's subtree scope.</summary>
public sealed class OrgTreeQueries(AppDbContext db, CurrentCadre cadre, OrgPathIndex index) : IOrgDirectory
{
    public const int ChildrenPageSize = 200;

    private IQueryable<OrgNodeView> Views(IQueryable<OrgUnit> units) =>
        from o in units
        join r in db.OrgRollups on o.Id equals r.OrgId into rollups
        from r in rollups.DefaultIfEmpty()
        select new OrgNodeView(o.Id, o.Code, o.Name, o.Level, o.Status, o.ParentId, o.Path,
            r == null ? 0 : r.SubUnits, r == null ? 0 : r.GrassrootsUnions, r == null ? 0 : r.Members,
            r != null && r.SubUnits > 0);

    public async Task<OrgNodeView> GetNodeAsync(long id, CancellationToken ct = default) =>
        await Views(db.OrgUnits.Where(o => o.Id == id)).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();

    /// <summary>A node's children with their subtree counts: one indexed lookup joined to rollup rows.</summary>
    public async Task<IReadOnlyList<OrgNodeView>> GetChildrenAsync(long id, bool includeClosed = false, int skip = 0,
        CancellationToken ct = default)
    {
        if (!await IsInScopeAsync(id, ct))
        {
            throw new NotFoundException();
        }

        var children = db.OrgUnits.Where(o => o.ParentId == id);
        if (!includeClosed)
        {
            children = children.Where(o => o.Status == OrgStatus.Active);
        }

        return await Views(children.OrderBy(o => o.Level).ThenBy(o => o.Code).Skip(skip).Take(ChildrenPageSize)).ToListAsync(ct);
    }

    public async Task<OrgNodeView> GetRootAsync(CancellationToken ct = default) => await GetNodeAsync(cadre.OrgId, ct);

    /// <summary>Breadcrumb from the cadre's own node down to <paramref name="path"/>; nothing above the scope.</summary>
    public async Task<IReadOnlyList<BreadcrumbItem>> BreadcrumbAsync(string path, CancellationToken ct = default)
    {
        var codes = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var nodes = await db.OrgUnits.Where(o => codes.Contains(o.Code))
            .Select(o => new { o.Id, o.Name, o.Depth }).ToListAsync(ct);
        return nodes.OrderBy(n => n.Depth).Select(n => new BreadcrumbItem(n.Id, n.Name)).ToList();
    }

    public async Task<IReadOnlyList<OrgNodeView>> SearchAsync(string? term, int take = 50, CancellationToken ct = default)
    {
        term = term?.Trim();
        if (string.IsNullOrEmpty(term))
        {
            return [];
        }

        var matches = db.OrgUnits.Where(o => o.Code.StartsWith(term) || o.Name.Contains(term) || o.CreditCode == term.ToUpper());
        return await Views(matches.OrderBy(o => o.Level).ThenBy(o => o.Code).Take(take)).ToListAsync(ct);
    }

    public async Task<OrgUnit> GetUnitAsync(long id, CancellationToken ct = default) =>
        await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException();

    public async Task<IReadOnlyList<OrgHistoryEntry>> HistoryAsync(long id, CancellationToken ct = default)
    {
        if (!await IsInScopeAsync(id, ct))
        {
            throw new NotFoundException();
        }

        // Joined to the scoped units as well, so the rows themselves never rely on the in-memory index.
        return await (from h in db.OrgHistory.AsNoTracking()
                      join o in db.OrgUnits on h.OrgId equals o.Id
                      where h.OrgId == id
                      orderby h.Id descending
                      select h).ToListAsync(ct);
    }

    private static readonly System.Linq.Expressions.Expression<Func<OrgUnit, OrgSummary>> Summary =
        o => new OrgSummary(o.Id, o.Code, o.Name, (int)o.Level, o.Path, o.Status == OrgStatus.Active);

    public IQueryable<ScopedOrg> ScopedOrgs() =>
        db.OrgUnits.Select(o => new ScopedOrg { Id = o.Id, Name = o.Name, Path = o.Path });

    /// <summary>
    /// Whether a node lies in the request's subtree: from the in-memory path index when it is loaded,
    /// from the database otherwise.
    /// </summary>
    public async Task<bool> IsInScopeAsync(long orgId, CancellationToken ct = default)
    {
        if (db.ScopeFrom is null || db.ScopeTo is null)
        {
            return false;
        }

        if (!index.TryGetPath(orgId, out var path))
        {
            var generation = index.Generation;
            path = await db.OrgUnits.IgnoreQueryFilters().Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync(ct);
            if (path is null)
            {
                return false;
            }

            index.Remember(orgId, path, generation);
        }

        return string.CompareOrdinal(path, db.ScopeFrom) >= 0 && string.CompareOrdinal(path, db.ScopeTo) < 0;
    }

    public async Task<IReadOnlyList<OrgSummary>> LineageAsync(long orgId, CancellationToken ct = default)
    {
        var path = await db.OrgUnits.IgnoreQueryFilters().Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync(ct);
        if (path is null)
        {
            return [];
        }

        var prefixes = Enumerable.Range(1, path.Length - 1).Where(i => path[i] == '/').Select(i => path[..(i + 1)]).ToList();
        var units = await db.OrgUnits.IgnoreQueryFilters().Where(o => prefixes.Contains(o.Path)).Select(Summary).ToListAsync(ct);
        return units.OrderBy(u => u.Path.Length).ToList();
    }

    public async Task<IReadOnlyList<OrgSummary>> ChildrenAsync(long orgId, int take, CancellationToken ct = default) =>
        await db.OrgUnits.IgnoreQueryFilters().Where(o => o.ParentId == orgId && o.Status == OrgStatus.Active).OrderBy(o => o.Code).Take(take)
            .Select(Summary).ToListAsync(ct);

    public async Task<OrgSummary> TopAsync(CancellationToken ct = default) =>
        await db.OrgUnits.IgnoreQueryFilters().Where(o => o.Status == OrgStatus.Active && o.Level <= OrgLevel.Province)
            .OrderByDescending(o => o.Level).ThenBy(o => o.Path).Select(Summary).FirstAsync(ct);

    public async Task<OrgSummary?> FindInScopeAsync(long orgId, CancellationToken ct = default) =>
        await db.OrgUnits.Where(o => o.Id == orgId)
            .Select(Summary)
            .FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<JoinableUnion>> SearchJoinableAsync(string? text, bool openUnionsOnly, CancellationToken ct = default)
    {
        var term = text?.Trim() ?? "";
        if (term.Length < 2)
        {
            return [];
        }

        var all = db.OrgUnits.IgnoreQueryFilters().AsNoTracking();
        // Places: county and township unions whose name holds the term; their subtrees are candidates too.
        var places = await all.Where(o => o.Level < OrgLevel.Grassroots && o.Name.Contains(term)).OrderBy(o => o.Level).Select(o => o.Path).Take(5).ToListAsync(ct);
        var unions = all.Where(o => o.Level == OrgLevel.Grassroots && o.Status == OrgStatus.Active);
        if (openUnionsOnly)
        {
            unions = unions.Where(o => o.UnionType == UnionType.Regional || o.UnionType == UnionType.Industry || o.UnionType == UnionType.GigWorkers);
        }

        var upper = term.ToUpperInvariant();
        var byName = unions.Where(o => o.Name.Contains(term) || (o.EmployerName != null && o.EmployerName.Contains(term)) || o.CreditCode == upper);
        var found = await byName.OrderBy(o => o.Name).Take(30).ToListAsync(ct);
        foreach (var place in places.Where(p => found.Count < 30))
        {
            var from = place;
            var to = place + "~";
            found.AddRange(await unions.Where(o => string.Compare(o.Path, from) >= 0 && string.Compare(o.Path, to) < 0).OrderBy(o => o.Name).Take(30 - found.Count).ToListAsync(ct));
        }

        return await JoinableAsync(found.DistinctBy(o => o.Id).ToList(), ct);
    }

    public async Task<JoinableUnion?> FindJoinableAsync(long orgId, CancellationToken ct = default)
    {
        var union = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(o => o.Id == orgId && o.Level == OrgLevel.Grassroots && o.Status == OrgStatus.Active, ct);
        return union is null ? null : (await JoinableAsync([union], ct))[0];
    }

    /// <summary>Each union with the name of the place it sits in (its parent, a township or county union).</summary>
    private async Task<IReadOnlyList<JoinableUnion>> JoinableAsync(List<OrgUnit> unions, CancellationToken ct)
    {
        static string ParentPath(string path) => path[..(path.TrimEnd('/').LastIndexOf('/') + 1)];
        var parentPaths = unions.Select(o => ParentPath(o.Path)).Distinct().ToList();
        var parents = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().Where(o => parentPaths.Contains(o.Path)).ToDictionaryAsync(o => o.Path, o => o.Name, ct);
        return unions.Select(o => new JoinableUnion(o.Id, o.Code, o.Name, o.EmployerName, OrgUnit.TypeLabel(o.UnionType).ToString(),
            parents.GetValueOrDefault(ParentPath(o.Path), ""), o.Path)).ToList();
    }

    public async Task<IReadOnlyDictionary<long, string>> PublicNamesAsync(IEnumerable<long> orgIds, CancellationToken ct = default)
    {
        var ids = orgIds.Distinct().ToList();
        return await db.OrgUnits.IgnoreQueryFilters().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    public async Task<string?> PublicNameAsync(long orgId, CancellationToken ct = default) =>
        await db.OrgUnits.IgnoreQueryFilters().Where(o => o.Id == orgId).Select(o => o.Name).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyDictionary<long, OrgSummary>> FindManyAsync(IEnumerable<long> orgIds, CancellationToken ct = default)
    {
        var ids = orgIds.Distinct().ToList();
        return await db.OrgUnits.Where(o => ids.Contains(o.Id))
            .Select(Summary)
            .ToDictionaryAsync(o => o.Id, ct);
    }

    public async Task<IReadOnlyDictionary<string, OrgSummary>> FindByCodesAsync(IEnumerable<string> codes, CancellationToken ct = default)
    {
        var wanted = codes.Distinct().ToList();
        return await db.OrgUnits.Where(o => wanted.Contains(o.Code))
            .Select(Summary)
            .ToDictionaryAsync(o => o.Code, ct);
    }
}