using System.Diagnostics;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Bench.Infrastructure;
using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Organizations.Seeding;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Bench.Scenarios.Tree;

/// <summary>Loads the national tree with the product's own seeding classes, so paths and rollups are the product's.</summary>
internal static class NationalTreeSeeder
{
    public static OrgUnit NationalRoot() =>
        new() { Code = "CN", Name = "中华全国总工会", Level = OrgLevel.National, Path = "/CN/" };

    /// <summary>The first <paramref name="provinces"/> provinces of the catalogue with everything below them.</summary>
    public static IReadOnlyList<Division> Divisions(int provinces)
    {
        var all = DivisionCatalog.Load();
        var kept = all.Where(d => d.Level == OrgLevel.Province).Take(provinces).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        if (kept.Count < provinces)
        {
            throw new ArgumentException($"--provinces: the catalogue holds only {kept.Count} provinces.");
        }

        return all.Where(d => kept.Contains(d.Code[..2])).ToList();
    }

    public static async Task LoadAsync(AppContexts contexts, IReadOnlyList<Division> divisions, int grassroots, int seed,
        CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        await using (var db = contexts.WholeTree())
        {
            await Step("migrate", () => DatabaseSetup.PrepareAsync(db, ct));
            var loader = new TreeLoader(db, new OrgRollups(db), TimeProvider.System);
            var root = NationalRoot();
            Dictionary<string, (long Id, string Path, int Depth)> known = [];
            await Step($"insert national root + {divisions.Count} division unions", async () =>
                known = await loader.InsertAsync(TreeLoader.DivisionUnits(divisions, root).Prepend(root), null, ct));
            var unions = new GrassrootsGenerator(seed).Generate(divisions, code => known[code].Path, grassroots).ToList();
            await Step($"insert {unions.Count} grassroots unions", () => loader.InsertAsync(unions, known, ct));
        }

        // A fresh context, as the rebuild reads every rollup and should not share a tracker with the inserts.
        await using (var db = contexts.WholeTree())
        {
            await Step("rebuild rollups", () => new TreeLoader(db, new OrgRollups(db), TimeProvider.System).RebuildRollupsAsync(ct));
            // A live server's autovacuum would have done this; without it the planner guesses and index-only scans visit the heap.
            await Step("vacuum analyze", () => db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) org.units, org.rollups", ct));
        }

        Console.WriteLine($"load: total {total.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task Step(string name, Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        Console.WriteLine($"load: {name} {watch.Elapsed.TotalSeconds:F1} s");
    }
}