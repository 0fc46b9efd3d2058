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
public sealed class OrgTreeQueries(AppDbContext db, CurrentCadre cadre) : IOrgDirectory
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

        return await db.OrgHistory.AsNoTracking().Where(h => h.OrgId == id).OrderByDescending(h => h.Id).ToListAsync(ct);
    }

    public IQueryable<ScopedOrg> ScopedOrgs() =>
        db.OrgUnits.Select(o => new ScopedOrg { Id = o.Id, Name = o.Name, Path = o.Path });

    public Task<bool> IsInScopeAsync(long orgId, CancellationToken ct = default) =>
        db.OrgUnits.AnyAsync(o => o.Id == orgId, ct);

    public async Task<OrgSummary?> FindInScopeAsync(long orgId, CancellationToken ct = default) =>
        await db.OrgUnits.Where(o => o.Id == orgId)
            .Select(o => new OrgSummary(o.Id, o.Code, o.Name, (int)o.Level, o.Path, o.Status == OrgStatus.Active))
            .FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyDictionary<long, OrgSummary>> FindManyAsync(IEnumerable<long> orgIds, CancellationToken ct = default)
    {
        var ids = orgIds.Distinct().ToList();
        return await db.OrgUnits.Where(o => ids.Contains(o.Id))
            .Select(o => new OrgSummary(o.Id, o.Code, o.Name, (int)o.Level, o.Path, o.Status == OrgStatus.Active))
            .ToDictionaryAsync(o => o.Id, ct);
    }
}