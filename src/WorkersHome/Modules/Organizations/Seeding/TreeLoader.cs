using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Organizations.Seeding;

/// <summary>Creates the union tree of divisions (and grassroots unions) with correct paths and rollups.</summary>
public sealed class TreeLoader(AppDbContext db, OrgRollups rollups, TimeProvider clock)
{
    private const int BatchSize = 5_000;

    /// <summary>Inserts nodes whose parents are already present or earlier in the list; returns code → id.</summary>
    public async Task<Dictionary<string, (long Id, string Path, int Depth)>> InsertAsync(
        IEnumerable<OrgUnit> nodes, Dictionary<string, (long Id, string Path, int Depth)>? known, CancellationToken ct)
    {
        known ??= [];
        var now = clock.GetUtcNow();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var batch = new List<OrgUnit>(BatchSize);
        var pending = new HashSet<string>(StringComparer.Ordinal);
        async Task FlushAsync()
        {
            db.OrgUnits.AddRange(batch);
            await db.SaveChangesAsync(ct);
            foreach (var unit in batch)
            {
                known[unit.Code] = (unit.Id, unit.Path, unit.Depth);
                db.OrgRollups.Add(new OrgRollup { OrgId = unit.Id });
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            batch.Clear();
            pending.Clear();
        }

        foreach (var node in nodes)
        {
            var parentCode = OrgRollups.AncestorCodes(node.Path).LastOrDefault();
            // A node whose parent is still in the pending batch needs that parent's id first.
            if (parentCode is not null && pending.Contains(parentCode))
            {
                await FlushAsync();
            }

            if (parentCode is not null && known.TryGetValue(parentCode, out var parent))
            {
                node.ParentId = parent.Id;
                node.Depth = parent.Depth + 1;
            }

            node.CreatedAt = node.UpdatedAt = now;
            batch.Add(node);
            pending.Add(node.Code);
            if (batch.Count >= BatchSize)
            {
                await FlushAsync();
            }
        }

        if (batch.Count > 0)
        {
            await FlushAsync();
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return known;
    }

    /// <summary>The division tree under an optional national root; paths are built from the codes.</summary>
    public static IEnumerable<OrgUnit> DivisionUnits(IReadOnlyList<Division> divisions, OrgUnit? nationalRoot)
    {
        var paths = new Dictionary<string, string>();
        var rootPath = nationalRoot?.Path ?? "/";
        foreach (var level in new[] { OrgLevel.Province, OrgLevel.City, OrgLevel.County, OrgLevel.Township })
        {
            foreach (var d in divisions.Where(d => d.Level == level))
            {
                var parentPath = d.ParentCode is not null && paths.TryGetValue(d.ParentCode, out var p) ? p : rootPath;
                var path = OrgUnit.ChildPath(parentPath, d.Code);
                paths[d.Code] = path;
                yield return new OrgUnit { Code = d.Code, Name = DivisionCatalog.UnionName(d), Level = d.Level, Path = path };
            }
        }
    }

    public Task<int> RebuildRollupsAsync(CancellationToken ct) => rollups.RebuildAsync(ct);

    public Task<bool> AnyAsync(CancellationToken ct) => db.OrgUnits.IgnoreQueryFilters().AnyAsync(ct);
}