using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Organizations;

/// <summary>Keeps every ancestor's subtree counts in step with a change, inside the caller's transaction.</summary>
public sealed class OrgRollups(AppDbContext db) : IOrgRollupWriter
{
    /// <summary>Codes of the ancestors named by a path, the node itself excluded.</summary>
    public static string[] AncestorCodes(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries)[..^1];

    public Task AddToAncestorsAsync(string path, int units, int grassroots, int members, CancellationToken ct) =>
        AddToCodesAsync(AncestorCodes(path), units, grassroots, members, ct);

    public async Task AddToCodesAsync(string[] codes, int units, int grassroots, int members, CancellationToken ct)
    {
        if (codes.Length == 0 || (units == 0 && grassroots == 0 && members == 0))
        {
            return;
        }

        var ids = db.OrgUnits.IgnoreQueryFilters().Where(o => codes.Contains(o.Code)).Select(o => o.Id);
        await db.OrgRollups.Where(r => ids.Contains(r.OrgId)).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.SubUnits, r => r.SubUnits + units)
            .SetProperty(r => r.GrassrootsUnions, r => r.GrassrootsUnions + grassroots)
            .SetProperty(r => r.Members, r => r.Members + members), ct);
    }

    public async Task AdjustMembersAsync(long orgId, int delta, CancellationToken ct = default)
    {
        var path = await db.OrgUnits.IgnoreQueryFilters().Where(o => o.Id == orgId).Select(o => o.Path).SingleAsync(ct);
        await db.OrgRollups.Where(r => r.OrgId == orgId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Members, r => r.Members + delta), ct);
        await AddToAncestorsAsync(path, 0, 0, delta, ct);
    }

    public async Task AdjustMembersAsync(IEnumerable<(string Path, int Delta)> changes, CancellationToken ct = default)
    {
        var byCode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (path, delta) in changes)
        {
            foreach (var code in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                byCode[code] = byCode.GetValueOrDefault(code) + delta;
            }
        }

        var nonZero = byCode.Where(c => c.Value != 0).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        if (nonZero.Count == 0)
        {
            return;
        }

        if (!db.IsPostgres)
        {
            foreach (var group in nonZero.GroupBy(c => c.Value))
            {
                await AddToCodesAsync([.. group.Select(c => c.Key)], 0, 0, group.Key, ct);
            }

            return;
        }

        // One statement for the whole tree, however many unions the change touched.
        await db.Database.ExecuteSqlRawAsync(AdjustManySql, [nonZero.Select(c => c.Key).ToArray(), nonZero.Select(c => c.Value).ToArray()], ct);
    }

    private const string AdjustManySql = """
        UPDATE org.rollups AS r SET "Members" = r."Members" + d.delta
        FROM org.units AS o, unnest({0}::text[], {1}::integer[]) AS d(code, delta)
        WHERE o."Code" = d.code AND r."OrgId" = o."Id"
        """;

    /// <summary>Recounts every rollup from the tree itself; returns how many rows differed.</summary>
    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        var nodes = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Status == OrgStatus.Active)
            .Select(o => new { o.Id, o.Path, o.Level })
            .ToListAsync(ct);
        var idByCode = nodes.ToDictionary(n => n.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1], n => n.Id);
        var fresh = nodes.ToDictionary(n => n.Id, n => new OrgRollup { OrgId = n.Id });
        foreach (var node in nodes)
        {
            foreach (var code in AncestorCodes(node.Path))
            {
                if (idByCode.TryGetValue(code, out var ancestorId))
                {
                    fresh[ancestorId].SubUnits++;
                    if (node.Level == OrgLevel.Grassroots)
                    {
                        fresh[ancestorId].GrassrootsUnions++;
                    }
                }
            }
        }

        var existing = await db.OrgRollups.ToDictionaryAsync(r => r.OrgId, ct);
        var differences = 0;
        foreach (var (id, want) in fresh)
        {
            if (!existing.TryGetValue(id, out var have))
            {
                db.OrgRollups.Add(want);
                differences++;
                continue;
            }

            if (have.SubUnits != want.SubUnits || have.GrassrootsUnions != want.GrassrootsUnions)
            {
                have.SubUnits = want.SubUnits;
                have.GrassrootsUnions = want.GrassrootsUnions;
                differences++;
            }
        }

        await db.SaveChangesAsync(ct);
        return differences;
    }
}