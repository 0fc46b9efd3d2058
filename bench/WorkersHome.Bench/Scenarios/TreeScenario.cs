using System.Globalization;

using WorkersHome.Bench.Infrastructure;
using WorkersHome.Bench.Scenarios.Tree;
using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Organizations.BrowseTree;

namespace WorkersHome.Bench.Scenarios;

/// <summary>
/// The national tree (root, 31 provinces down to townships, plus grassroots unions): how fast a node's
/// children open for a national cadre, and how fast "is node X in cadre Y's subtree" is answered.
/// </summary>
internal sealed class TreeScenario : IScenario
{
    private int _provinces;
    private int _grassroots;
    private int _samples;
    private int _warmup;
    private int _seed;

    public string Name => "tree";

    public string Usage => "[--provinces 31] [--grassroots 100000] [--samples 2000] [--warmup 500] [--seed 2026]";

    public void Configure(BenchArgs args)
    {
        _provinces = args.Int("provinces", 31, 1, 31);
        _grassroots = args.Int("grassroots", 100_000, 0, 10_000_000);
        _samples = args.Int("samples", 2_000, 1, 10_000_000);
        _warmup = args.Int("warmup", 500, 0, 10_000_000);
        _seed = args.Int("seed", 2026, 0, int.MaxValue);
    }

    public async Task<string> RunAsync(string connectionString, CancellationToken ct)
    {
        var divisions = NationalTreeSeeder.Divisions(_provinces);
        await using var database = await ThrowawayDatabase.CreateAsync(connectionString, "wh_bench_tree", ct);
        Console.WriteLine($"created database {database.Name}");
        var contexts = new AppContexts(database.ConnectionString);
        await NationalTreeSeeder.LoadAsync(contexts, divisions, _grassroots, _seed, ct);

        var tree = await TreeIndex.LoadAsync(contexts, ct);
        Console.WriteLine($"tree: {tree.Count} nodes ({tree.CountAt(OrgLevel.Province)} provinces, {tree.CountAt(OrgLevel.City)} cities, " +
            $"{tree.CountAt(OrgLevel.County)} counties, {tree.CountAt(OrgLevel.Township)} townships, " +
            $"{tree.CountAt(OrgLevel.Grassroots)} grassroots); warm-up {_warmup}, samples {_samples} per metric");

        // Without the in-memory index every check goes to the database: the fallback path, printed for comparison.
        var probes = new TreeProbes(contexts, tree, new Random(_seed));
        var (fallback, _) = await probes.ScopeChecksAsync(_warmup, _samples, oneContext: false, ct);
        Console.WriteLine("database fallback: " + fallback.Describe("us"));
        await PrintScopeBreakdownAsync(database.ConnectionString, probes, ct);

        // What a running app does: OrgPathIndexSync listens for moves and loads the index; checks are answered from it.
        using var stopSync = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sync = await StartPathIndexAsync(contexts, database.ConnectionString, stopSync.Token);
        var (scope, inside) = await probes.ScopeChecksAsync(_warmup, _samples, oneContext: false, ct);
        Console.WriteLine(scope.Describe("us", $"{inside} inside, {scope.Count - inside} outside"));
        var children = await probes.ChildrenAsync(_warmup, _samples, ct);
        Console.WriteLine(children.Describe("ms"));
        await stopSync.CancelAsync();
        await sync.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

        return string.Create(CultureInfo.InvariantCulture,
            $"BENCH tree nodes={tree.Count} children_p95_ms={children.PercentileMilliseconds(95):F3} scope_check_p95_us={scope.PercentileMicroseconds(95):F1}");
    }

    private static async Task<Task> StartPathIndexAsync(AppContexts contexts, string connectionString, CancellationToken ct)
    {
        var index = new OrgPathIndex();
        var sync = new OrgPathIndexSync(index, Microsoft.Extensions.Logging.Abstractions.NullLogger<OrgPathIndexSync>.Instance);
        var running = Task.Run(() => sync.RunAsync(async token =>
        {
            await using var db = contexts.NewContext();
            await OrgPathIndexSync.LoadAsync(index, db, token);
        }, connectionString, ct), ct);
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (!index.IsLoaded)
        {
            if (started.Elapsed > TimeSpan.FromMinutes(2) || running.IsCompleted)
            {
                throw new InvalidOperationException("the org path index did not load");
            }

            await Task.Delay(50, ct);
        }

        Console.WriteLine($"org path index loaded in {started.ElapsedMilliseconds} ms");
        contexts.PathIndex = index;
        return running;
    }

    /// <summary>Where the scope check's time goes: per-request context, EF's pipeline, the server, the round trip.</summary>
    private async Task PrintScopeBreakdownAsync(string connectionString, TreeProbes probes, CancellationToken ct)
    {
        var (reused, _) = await probes.ScopeChecksAsync(_warmup, _samples, oneContext: true, ct);
        Console.WriteLine(reused.Describe("us"));
        foreach (var prepare in new[] { false, true })
        {
            Console.WriteLine((await Baselines.RawScopeCheckAsync(connectionString, probes, prepare, _warmup, _samples, ct)).Describe("us"));
        }

        Console.WriteLine((await Baselines.SelectOneAsync(connectionString, _warmup, _samples, ct)).Describe("us"));
    }
}