using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

using WorkersHome.Bench.Infrastructure;
using WorkersHome.Bench.Scenarios.Registry;
using WorkersHome.Bench.Scenarios.Tree;
using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Browse;
using WorkersHome.Modules.Members.Statistics;
using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Organizations.BrowseTree;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Security;

namespace WorkersHome.Bench.Scenarios;

/// <summary>
/// The member registry at national scale (a million members under 100,000 grassroots unions): subtree counts,
/// a county's member list, a name search in a city, an exact ID-number lookup and page 50 of a city's members of one
/// employment form by join date, each through the product's queries.
/// </summary>
internal sealed class RegistryQueriesScenario : IScenario
{
    private const double TargetMs = 30;
    private const string NameFragment = "建国";

    private int _members;
    private int _grassroots;
    private int _samples;
    private int _warmup;
    private int _seed;

    public string Name => "registry-queries";

    public string Usage => "[--members 1000000] [--grassroots 100000] [--samples 1000] [--warmup 200] [--seed 2026]";

    public void Configure(BenchArgs args)
    {
        _members = args.Int("members", 1_000_000, 1_000, 50_000_000);
        _grassroots = args.Int("grassroots", 100_000, 1, 10_000_000);
        _samples = args.Int("samples", 1_000, 1, 10_000_000);
        _warmup = args.Int("warmup", 200, 0, 10_000_000);
        _seed = args.Int("seed", 2026, 0, int.MaxValue);
    }

    public async Task<string> RunAsync(string connectionString, CancellationToken ct)
    {
        var divisions = NationalTreeSeeder.Divisions(31);
        await using var database = await ThrowawayDatabase.CreateAsync(connectionString, "wh_bench_registry", ct);
        Console.WriteLine($"created database {database.Name}");
        var capture = new CommandCapture();
        var contexts = new AppContexts(database.ConnectionString, capture);
        var protector = new PersonalDataProtector(new PrivacyOptions
        {
            ActiveKeyId = "b1",
            Keys = { ["b1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
            HashKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });

        var setup = Stopwatch.StartNew();
        await NationalTreeSeeder.LoadAsync(contexts, divisions, _grassroots, _seed, ct);
        var facts = await Step($"copy {_members} members", () =>
            MemberSeeder.LoadAsync(contexts, database.ConnectionString, protector, _members, _seed, ct));
        await Step("rebuild member stats", async () =>
        {
            await using var db = contexts.WholeTree();
            var directory = new OrgTreeQueries(db, new CurrentCadre(), contexts.PathIndex);
            var changed = await new MemberStatsQueries(db, directory, TimeProvider.System).RebuildAsync(ct);
            Console.WriteLine($"load: member stats rows written {changed}");
            return changed;
        });
        await Step("vacuum analyze members", async () =>
        {
            await using var db = contexts.WholeTree();
            return await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) members.members, members.stats, members.join_stats", ct);
        });
        Console.WriteLine($"setup: total {setup.Elapsed.TotalSeconds:F1} s");

        var tree = await TreeIndex.LoadAsync(contexts, ct);
        var probe = new Probe(contexts, protector, capture, database.ConnectionString);
        var random = new Random(_seed);
        var rounds = _warmup + _samples;

        // 1. Subtree figures for a national, provincial, city and county cadre on their own node.
        var levels = new[] { OrgLevel.National, OrgLevel.Province, OrgLevel.City, OrgLevel.County };
        var perLevel = levels.ToDictionary(l => l, l => new Latencies($"root_count {l} (MemberStatsQueries.ForOrgAsync)", _samples));
        var rootCount = new Latencies("root_count all levels", _samples * levels.Length);
        var nodesAt = levels.ToDictionary(l => l, l => tree.At(l));
        for (var i = 0; i < rounds; i++)
        {
            foreach (var level in levels)
            {
                var node = nodesAt[level][random.Next(nodesAt[level].Count)];
                var expected = facts.CountsOf(node.Path);
                var (start, end, figures) = await probe.StatsAsync(node, i == rounds - 1 ? $"root_count-{level}" : null, ct);
                if ((figures.Active, figures.Retained) != expected)
                {
                    throw new InvalidOperationException($"{node.Path}: figures {figures.Active}/{figures.Retained}, expected {expected}.");
                }

                if (i >= _warmup)
                {
                    perLevel[level].Add(start, end);
                    rootCount.Add(start, end);
                }
            }
        }

        foreach (var level in levels)
        {
            Console.WriteLine(perLevel[level].Describe("ms"));
        }

        Console.WriteLine(rootCount.Describe("ms"));

        // 2. A city cadre opens one county's active members, sorted by name.
        var cities = tree.At(OrgLevel.City).ToDictionary(c => c.Path, StringComparer.Ordinal);
        var counties = nodesAt[OrgLevel.County];
        var list = new Latencies("list (MemberQueries.ListAsync, county, Active, by name, city cadre)", _samples);
        for (var i = 0; i < rounds; i++)
        {
            var county = counties[random.Next(counties.Count)];
            var city = cities[AncestorPath(county.Path, 3)];
            var filter = new MemberFilter { OrgId = county.Id, Status = MembershipStatus.Active, Take = 50 };
            var (start, end, page) = await probe.ListAsync(city, filter, i == rounds - 1 ? "list" : null, ct);
            var total = facts.CountsOf(county.Path).Active;
            if (page.Total != total || page.Rows.Count != Math.Min(50, total) || page.Rows.Any(r => r.Status != MembershipStatus.Active))
            {
                throw new InvalidOperationException($"{county.Path}: {page.Rows.Count} rows of {page.Total}, expected {total} active.");
            }

            if (i >= _warmup)
            {
                list.Add(start, end);
            }
        }

        Console.WriteLine(list.Describe("ms"));

        // 3. A city cadre searches a given-name fragment across the city.
        var fragmentByCity = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var m = 0; m < facts.Names.Count; m++)
        {
            if (facts.Names[m].Contains(NameFragment, StringComparison.Ordinal))
            {
                var cityPath = AncestorPath(facts.Paths[m], 3);
                fragmentByCity[cityPath] = fragmentByCity.GetValueOrDefault(cityPath) + 1;
            }
        }

        Console.WriteLine($"name search: {fragmentByCity.Values.Sum()} members named *{NameFragment}* in {fragmentByCity.Count} cities");
        var cityList = cities.Values.ToList();
        var nameSearch = new Latencies($"name_search (MemberQueries.ListAsync, Search={NameFragment}, city cadre)", _samples);
        for (var i = 0; i < rounds; i++)
        {
            var city = cityList[random.Next(cityList.Count)];
            var (start, end, page) = await probe.ListAsync(city, new MemberFilter { Search = NameFragment, Take = 50 },
                i == rounds - 1 ? "name_search" : null, ct);
            var expected = fragmentByCity.GetValueOrDefault(city.Path);
            if (page.Total != expected || page.Rows.Count != Math.Min(50, expected)
                || page.Rows.Any(r => !r.Name.Contains(NameFragment, StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"{city.Path}: {page.Rows.Count} rows of {page.Total} for {NameFragment}, expected {expected}.");
            }

            if (i >= _warmup)
            {
                nameSearch.Add(start, end);
            }
        }

        Console.WriteLine(nameSearch.Describe("ms"));

        // 4. A national cadre finds one member by the full ID number (keyed-hash lookup).
        var idLookup = new Latencies("id_lookup (MemberQueries.ListAsync, Search=<full ID number>, national cadre)", _samples);
        for (var i = 0; i < rounds; i++)
        {
            var m = random.Next(facts.Ids.Count);
            var (start, end, page) = await probe.ListAsync(tree.Root, new MemberFilter { Search = facts.IdNumbers[m] },
                i == rounds - 1 ? "id_lookup" : null, ct);
            if (page.Total != 1 || page.Rows.Count != 1 || page.Rows[0].Id != facts.Ids[m]
                || page.Rows[0].IdMasked != Mask.IdNumber(facts.IdNumbers[m]))
            {
                throw new InvalidOperationException($"ID lookup of member {facts.Ids[m]}: {page.Rows.Count} rows of {page.Total}.");
            }

            if (i >= _warmup)
            {
                idLookup.Add(start, end);
            }
        }

        Console.WriteLine(idLookup.Describe("ms"));

        // 5. A city cadre lists one employment form across the city, newest members first, and reads page 50: by keyset
        // (the page continues after the last row of page 49, as the member page's "next page" does), and for comparison
        // by offset (rows 2,451–2,500 counted off from the top).
        const int DeepPage = 50;
        const int PageSize = 50;
        var groups = FormGroups(facts, cities, DeepPage * PageSize);
        Console.WriteLine($"deep page: {groups.Count} (city, employment form) lists reach page {DeepPage}");
        var deepPage = new Latencies($"city_form_joined_page{DeepPage} (MemberQueries.ListAsync, city, EmploymentForm, by join date, After=last row of page {DeepPage - 1})", _samples);
        var offsetPage = new Latencies($"same page by offset (Skip={(DeepPage - 1) * PageSize})", _samples);
        for (var i = 0; i < rounds; i++)
        {
            var (city, form, members) = groups[random.Next(groups.Count)];
            var expected = members.Skip((DeepPage - 1) * PageSize).Take(PageSize).Select(m => facts.Ids[m]).ToList();
            var byKey = new MemberFilter
            {
                OrgId = city.Id,
                EmploymentForm = form,
                Sort = "joined",
                After = facts.Ids[members[((DeepPage - 1) * PageSize) - 1]],
                Take = PageSize,
            };
            var byOffset = byKey with { After = null, Skip = (DeepPage - 1) * PageSize };
            foreach (var (filter, latencies, name) in new[] { (byKey, deepPage, "deep_page"), (byOffset, offsetPage, "deep_page_offset") })
            {
                var (start, end, page) = await probe.ListAsync(city, filter, i == rounds - 1 ? name : null, ct);
                if (page.Total != members.Count || !page.Rows.Select(r => r.Id).SequenceEqual(expected))
                {
                    throw new InvalidOperationException($"{city.Path} {form} page {DeepPage} ({name}): {page.Rows.Count} rows of {page.Total}, " +
                        $"expected rows {(DeepPage - 1) * PageSize + 1}–{(DeepPage - 1) * PageSize + expected.Count} of {members.Count}.");
                }

                if (i >= _warmup)
                {
                    latencies.Add(start, end);
                }
            }
        }

        Console.WriteLine(deepPage.Describe("ms"));
        Console.WriteLine(offsetPage.Describe("ms"));

        foreach (var (name, latencies) in new[]
                 {
                     ("root_count", rootCount), ("list", list), ("name_search", nameSearch), ("id_lookup", idLookup), ("deep_page", deepPage),
                 })
        {
            var p95 = latencies.PercentileMilliseconds(95);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"target {name}: p95 {p95:F3} ms {(p95 <= TargetMs ? "meets" : "MISSES")} the {TargetMs} ms target"));
        }

        Console.WriteLine($"plans of the last sample of each query (EXPLAIN ANALYZE, BUFFERS): {string.Join(", ", probe.PlanFiles)}");
        return string.Create(CultureInfo.InvariantCulture,
            $"BENCH registry-queries members={_members} root_count_p95_ms={rootCount.PercentileMilliseconds(95):F3} " +
            $"list_p95_ms={list.PercentileMilliseconds(95):F3} name_search_p95_ms={nameSearch.PercentileMilliseconds(95):F3} " +
            $"id_lookup_p95_ms={idLookup.PercentileMilliseconds(95):F3} deep_page_p95_ms={deepPage.PercentileMilliseconds(95):F3}");
    }

    /// <summary>
    /// Each city's members of each employment form, in the list's "joined" order (join date, then id, both newest
    /// first), for the lists long enough to have the page asked for.
    /// </summary>
    private static List<(TreeNode City, EmploymentForm Form, List<int> Members)> FormGroups(MemberFacts facts,
        Dictionary<string, TreeNode> cities, int atLeast)
    {
        var byGroup = new Dictionary<(string City, EmploymentForm Form), List<int>>();
        for (var m = 0; m < facts.Ids.Count; m++)
        {
            var key = (AncestorPath(facts.Paths[m], 3), facts.Forms[m]);
            if (!byGroup.TryGetValue(key, out var members))
            {
                byGroup[key] = members = [];
            }

            members.Add(m);
        }

        return byGroup.Where(g => g.Value.Count >= atLeast)
            .Select(g =>
            {
                g.Value.Sort((a, b) => facts.Joined[a] != facts.Joined[b]
                    ? facts.Joined[b].CompareTo(facts.Joined[a])
                    : facts.Ids[b].CompareTo(facts.Ids[a]));
                return (cities[g.Key.City], g.Key.Form, g.Value);
            })
            .OrderBy(g => g.Item1.Path, StringComparer.Ordinal).ThenBy(g => g.Form).ToList();
    }

    /// <summary>The path of the node's ancestor (or itself) with <paramref name="segments"/> segments: /CN/41/4101/ for 3.</summary>
    private static string AncestorPath(string path, int segments) =>
        "/" + string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Take(segments)) + "/";

    private static async Task<T> Step<T>(string name, Func<Task<T>> action)
    {
        var watch = Stopwatch.StartNew();
        var result = await action();
        Console.WriteLine($"load: {name} {watch.Elapsed.TotalSeconds:F1} s");
        return result;
    }

    /// <summary>One request per call: a fresh context scoped to the cadre's node; only the product call is timed.</summary>
    private sealed class Probe(AppContexts contexts, PersonalDataProtector protector, CommandCapture capture, string connectionString)
    {
        public List<string> PlanFiles { get; } = [];

        public async Task<(long Start, long End, MemberFigures Figures)> StatsAsync(TreeNode node, string? explainAs, CancellationToken ct)
        {
            await using var request = contexts.Request(node.Id, node.Path, node.Name);
            var stats = new MemberStatsQueries(request.Db, request.Tree, TimeProvider.System);
            var start = Stopwatch.GetTimestamp();
            var figures = await stats.ForOrgAsync(node.Id, ct);
            var end = Stopwatch.GetTimestamp();
            if (explainAs is not null)
            {
                await ExplainAsync(explainAs, () => stats.ForOrgAsync(node.Id, ct), ct);
            }

            return (start, end, figures);
        }

        public async Task<(long Start, long End, MemberPage Page)> ListAsync(TreeNode cadre, MemberFilter filter, string? explainAs,
            CancellationToken ct)
        {
            await using var request = contexts.Request(cadre.Id, cadre.Path, cadre.Name);
            var audit = new AuditTrail(request.Db, request.Cadre, TimeProvider.System, new HttpContextAccessor());
            var members = new MemberQueries(request.Db, request.Tree, protector, audit, TimeProvider.System);
            var start = Stopwatch.GetTimestamp();
            var page = await members.ListAsync(filter, ct);
            var end = Stopwatch.GetTimestamp();
            if (explainAs is not null)
            {
                await ExplainAsync(explainAs, () => members.ListAsync(filter, ct), ct);
            }

            return (start, end, page);
        }

        /// <summary>Repeats the call untimed with the SQL recorded, and writes each statement's plan to /tmp.</summary>
        private async Task ExplainAsync<T>(string name, Func<Task<T>> call, CancellationToken ct)
        {
            capture.Clear();
            capture.Recording = true;
            try
            {
                await call();
            }
            finally
            {
                capture.Recording = false;
            }

            var file = Path.Combine(Path.GetTempPath(), $"registry-queries-{name}.explain.txt");
            await File.WriteAllTextAsync(file, await capture.ExplainAsync(connectionString, ct), ct);
            PlanFiles.Add(file);
        }
    }
}