using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Bench.Infrastructure;
using WorkersHome.Bench.Scenarios.Rights;
using WorkersHome.Bench.Scenarios.Tree;
using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Rights;
using WorkersHome.Modules.Rights.Calendar;
using WorkersHome.Modules.Rights.Cases;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Security;

namespace WorkersHome.Bench.Scenarios;

/// <summary>
/// Rights cases at national scale through the running app over HTTP: a million closed cases of the last years and
/// 50,000 open ones over the national tree (COPY), then the SLA sweep's first run over them (timed; it escalates the
/// thousands found overdue), then 64 hotline agents at the provinces file cases — each request sent twice at once
/// with the same Idempotency-Key (a double click) — and dispatch one in five to a sibling county (also sent twice:
/// one must win, the other get 409), while the sweep runs beside them. Then county rights officers read their queues
/// and the provinces' agents their dashboards. Every pair must name one case, and the table must hold one case per submission.
/// </summary>
internal sealed class RightsScenario : IScenario
{
    private const double TargetMs = 30;
    private const string DashboardPath = "/api/rights/dashboard";

    /// <summary>How often the run sweeps beside the agents: more often than the job engine's minute, so that a short run overlaps several.</summary>
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(10);

    private int _historical;
    private int _open;
    private int _provinces;
    private int _grassroots;
    private int _agents;
    private int _intake;
    private int _warmup;
    private int _samples;
    private int _seed;
    private bool _diagnose;

    public string Name => "rights";

    public string Usage =>
        "[--cases 1000000 (closed, loaded)] [--open 50000 (loaded)] [--provinces 31] [--grassroots 100000] [--agents 64] [--intake 20000 (cases filed in the measured run)] [--warmup 2000] [--samples 1000] [--seed 2026] [--diagnose 0|1 (count the intake's round trips)]";

    public void Configure(BenchArgs args)
    {
        _historical = args.Int("cases", 1_000_000, 0, 50_000_000);
        _open = args.Int("open", 50_000, 1, 10_000_000);
        _provinces = args.Int("provinces", 31, 1, 34);
        _grassroots = args.Int("grassroots", 100_000, 100, 10_000_000);
        _agents = args.Int("agents", 64, 1, 1_000);
        _intake = args.Int("intake", 20_000, 1, 10_000_000);
        _warmup = args.Int("warmup", 2_000, 0, 10_000_000);
        _samples = args.Int("samples", 1_000, 1, 1_000_000);
        _seed = args.Int("seed", 2026, 0, int.MaxValue);
        _diagnose = args.Int("diagnose", 0, 0, 1) == 1;
    }

    public async Task<string> RunAsync(string connectionString, CancellationToken ct)
    {
        await using var database = await ThrowawayDatabase.CreateAsync(connectionString, "wh_bench_rights", ct);
        Console.WriteLine($"created database {database.Name}");
        var storage = Directory.CreateTempSubdirectory("wh-bench-rights-");
        try
        {
            await using var app = BenchApp.Build(database.ConnectionString, storage.FullName, listen: true);
            var contexts = new AppContexts(database.ConnectionString);
            var setup = Stopwatch.StartNew();
            await NationalTreeSeeder.LoadAsync(contexts, NationalTreeSeeder.Divisions(_provinces), _grassroots, _seed, ct);
            var facts = await CaseSeeder.HandlingUnionsAsync(contexts, ct);
            await Step($"copy {_historical} closed + {_open} open cases", async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                db.UseWholeTree();
                var days = await scope.ServiceProvider.GetRequiredService<WorkCalendar>().LoadAsync(ct);
                var rules = await db.TimeLimitRules.AsNoTracking().ToListAsync(ct);
                await CaseSeeder.LoadAsync(facts, database.ConnectionString, app.Services.GetRequiredService<PersonalDataProtector>(), days, rules,
                    _historical, _open, _seed, DateTimeOffset.UtcNow, ct);
            });
            await Step("dashboard figures of the loaded cases", async () =>
                Console.WriteLine($"load: {await CaseSeeder.FiguresAsync(contexts, database.ConnectionString, ct)} tree counter rows"));
            // A live server's autovacuum would have analysed the freshly filled tables (and set the visibility map).
            await Step("vacuum analyze cases", async () =>
            {
                await using var db = contexts.WholeTree();
                await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) rights.cases, rights.case_steps, rights.wage_recoveries, platform.tree_counters", ct);
            });

            var random = new Random(_seed);
            var (agents, officers) = await Step("cadre accounts", () => CadresAsync(app.Services, contexts, facts, random, ct));
            Console.WriteLine($"setup: total {setup.Elapsed.TotalSeconds:F1} s");

            (double Ms, int Handled) first;
            // The sweep's first run over the loaded cases escalates every case found overdue: the most work a sweep does.
            using (var sweepCommands = _diagnose ? new EfCommandStats() : null)
            {
                sweepCommands?.Recording = true;
                first = await SweepAsync(app.Services, ct);
                sweepCommands?.Recording = false;
                if (sweepCommands is not null)
                {
                    Console.WriteLine("diagnose (first sweep; its own overhead slows it): " + sweepCommands.Describe(1));
                }
            }

            var second = await SweepAsync(app.Services, ct);
            Console.WriteLine(FormattableString.Invariant(
                $"sla sweep over {facts.Open} open cases ({facts.Overdue} past a deadline, {facts.AlreadyEscalated} escalated before): first {first.Ms:F0} ms ({first.Handled} handled), second {second.Ms:F0} ms ({second.Handled} handled)"));

            Npgsql.NpgsqlConnection.ClearAllPools();
            await WorkersHomeApp.PrepareAndMapAsync(app);
            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var handler = new SocketsHttpHandler
            {
                MaxConnectionsPerServer = (_agents * 2) + 4,
                UseCookies = false,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            };
            using var client = new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };

            // Warm-up (JIT tiers, connection pools, caches): cases of their own, counted in the duplicate check too.
            var intake = new Intake(client, facts, agents, _seed);
            await intake.RunAsync(_warmup, ct);
            var warmed = intake.Filed.Count;

            using var commands = _diagnose ? new EfCommandStats() : null;
            commands?.Recording = true;
            using var sweeping = CancellationTokenSource.CreateLinkedTokenSource(ct);
            // Every server process of the run is then started for it, so that its processor time is the run's.
            Npgsql.NpgsqlConnection.ClearAllPools();
            var cpu = new CpuMeter();
            var sweeps = Task.Run(() => SweepBesideAsync(app.Services, sweeping.Token), ct);
            var run = await intake.RunAsync(_intake, ct);
            await sweeping.CancelAsync();
            var besides = await sweeps;
            commands?.Recording = false;
            Console.WriteLine(await cpu.DescribeAsync(connectionString, database.Name, _intake));
            if (commands is not null)
            {
                Console.WriteLine("diagnose (per case filed, its transfers and the sweeps beside included): " + commands.Describe(_intake));
            }

            Console.WriteLine(FormattableString.Invariant(
                $"{_intake} cases × 2 requests by {agents.Count} agents in {run.Seconds:F2} s = {_intake / run.Seconds:F0} cases/s; {run.Transfers} dispatched to a sibling county (× 2: {run.TransferConflicts} answered 409)"));
            Console.WriteLine(run.Filing.Describe("ms", "both requests of a pair"));
            if (run.Transfer.Count > 0)
            {
                Console.WriteLine(run.Transfer.Describe("ms", "both requests of a pair"));
            }

            Console.WriteLine(besides.Count == 0 ? "sla sweep beside the agents: none finished" : FormattableString.Invariant(
                $"sla sweep beside the agents: {besides.Count} runs, {string.Join(", ", besides.Select(b => $"{b.Ms:F0} ms ({b.Handled} handled)"))}"));

            var duplicates = await VerifyAsync(contexts, intake, warmed, run, ct);
            var floorSeconds = await intake.FloorAsync(_intake, ct);
            Console.WriteLine(FormattableString.Invariant(
                $"floor: {_intake} pairs of GET /health/live (with the agents' tokens) from {agents.Count} agents in {floorSeconds:F2} s = {_intake / floorSeconds:F0} pairs/s: the web stack alone on this machine"));

            var queue = await QueueAsync(client, officers, random, ct);
            var dashboard = await DashboardAsync(client, contexts, agents, ct);
            await app.StopAsync(ct);

            var sweepMs = first.Ms;
            var p95 = queue.PercentileMilliseconds(95);
            var perSecond = _intake / run.Seconds;
            var dashboardP95 = dashboard.PercentileMilliseconds(95);
            Console.WriteLine(FormattableString.Invariant(
                $"targets: intake {perSecond:F0}/s {Verdict(perSecond >= 500)} 500/s; first sweep {sweepMs:F0} ms {Verdict(sweepMs <= 2000)} 2000 ms; queue p95 {p95:F1} ms {Verdict(p95 <= TargetMs)} {TargetMs} ms; dashboard p95 {dashboardP95:F1} ms {Verdict(dashboardP95 <= TargetMs)} {TargetMs} ms"));
            return string.Create(CultureInfo.InvariantCulture,
                $"BENCH rights cases={facts.Historical + facts.Open} intake_per_s={perSecond:F0} duplicates={duplicates} sla_sweep_ms={sweepMs:F0} queue_p95_ms={p95:F1} dashboard_p95_ms={dashboardP95:F1}");
        }
        finally
        {
            storage.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The agents sit at the provinces' 12351 centres (one after another round the provinces); the rights officers at
    /// county unions that handle open cases, chosen at random.
    /// </summary>
    private async Task<(List<ApiCadre> Agents, List<ApiCadre> Officers)> CadresAsync(IServiceProvider services, AppContexts contexts, CaseFacts facts, Random random,
        CancellationToken ct)
    {
        await using var db = contexts.WholeTree();
        var provinces = await db.OrgUnits.AsNoTracking().Where(o => o.Level == OrgLevel.Province).OrderBy(o => o.Path).ToListAsync(ct);
        provinces = provinces.Where(p => facts.CountiesByProvince.ContainsKey(p.Path)).ToList();
        var agents = await ApiCadres.CreateAsync(services, Roles.HotlineAgent,
            Enumerable.Range(0, _agents).Select(i => ($"bench.agent{i:D3}", provinces[i % provinces.Count].Id, provinces[i % provinces.Count].Path)).ToList(), ct);
        var counties = facts.Counties.ToArray();
        random.Shuffle(counties);
        var officers = await ApiCadres.CreateAsync(services, Roles.RightsOfficer,
            counties.Take(Math.Min(64, counties.Length)).Select((c, i) => ($"bench.rights{i:D3}", c.Id, c.Path)).ToList(), ct);
        return (agents, officers);
    }

    /// <summary>One sweep as the job engine runs it: its own scope that sees the whole tree (RecurringWorkRunner).</summary>
    private static async Task<(double Ms, int Handled)> SweepAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AppDbContext>().UseWholeTree();
        var sweep = scope.ServiceProvider.GetRequiredService<SlaSweep>();
        var watch = Stopwatch.StartNew();
        var handled = await sweep.RunAsync(ct);
        return (watch.Elapsed.TotalMilliseconds, handled);
    }

    private static async Task<List<(double Ms, int Handled)>> SweepBesideAsync(IServiceProvider services, CancellationToken ct)
    {
        var runs = new List<(double Ms, int Handled)>();
        try
        {
            while (true)
            {
                await Task.Delay(SweepEvery, ct);
                runs.Add(await SweepAsync(services, ct));
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return runs;
        }
    }

    /// <summary>
    /// Every submission must have filed exactly one case: both answers of a pair name the same case, and the table holds
    /// one case per key sent. Returns the cases beyond one per submission (duplicates).
    /// </summary>
    private static async Task<int> VerifyAsync(AppContexts contexts, Intake intake, int warmed, IntakeRun run, CancellationToken ct)
    {
        await using var db = contexts.WholeTree();
        var submissions = intake.Filed.Count;
        var stored = await db.RightsCases.CountAsync(c => c.SubmissionKey.StartsWith("c:"), ct);
        var distinctAnswered = intake.Filed.Values.Distinct().Count();
        var transferred = await db.CaseSteps.CountAsync(s => s.Kind == CaseStepKind.Transferred, ct);
        var duplicates = Math.Max(stored - submissions, 0) + intake.Mismatches;
        Console.WriteLine(
            $"{submissions} submissions ({warmed} in the warm-up), each sent twice: {distinctAnswered} distinct cases answered, {stored} cases stored by the agents, " +
            $"{intake.Mismatches} pairs answered with different cases; {transferred} transfer steps for {intake.Transfers} transfers sent twice");
        if (stored != submissions || distinctAnswered != submissions || intake.Mismatches != 0 || transferred != intake.Transfers
            || intake.TransferConflicts != intake.Transfers || run.Failures.Count != 0)
        {
            foreach (var failure in run.Failures.Take(5))
            {
                Console.Error.WriteLine($"failure: {failure}");
            }

            throw new InvalidOperationException(
                $"Expected one case per submission ({submissions}) and one transfer per pair ({intake.Transfers}): {stored} stored, {distinctAnswered} answered, " +
                $"{intake.Mismatches} pairs disagreed, {transferred} transfer steps, {intake.TransferConflicts} transfers refused, {run.Failures.Count} failures.");
        }

        return duplicates;
    }

    /// <summary>
    /// A county rights officer opens their queue: the open cases of their subtree (first page), and in turn the
    /// overdue ones and those in progress, each a request of its own; sequential, after the intake run.
    /// </summary>
    private async Task<Latencies> QueueAsync(HttpClient client, List<ApiCadre> officers, Random random, CancellationToken ct)
    {
        string[] filters = ["?Open=true", "?Overdue=true", "?Status=InProgress"];
        var all = new Latencies("queue (GET /api/rights/cases, county rights officer, first page: Open / Overdue / InProgress)", _samples);
        var each = filters.ToDictionary(f => f, f => new Latencies($"queue {f}", _samples));
        var rounds = Math.Max(_samples / 5, 50) + _samples;
        for (var i = 0; i < rounds; i++)
        {
            var officer = officers[random.Next(officers.Count)];
            var filter = filters[i % filters.Length];
            var start = Stopwatch.GetTimestamp();
            var page = await GetAsync(client, officer, "/api/rights/cases" + filter, ct);
            var end = Stopwatch.GetTimestamp();
            var rows = page.GetProperty("rows");
            var total = page.GetProperty("total").GetInt32();
            if (rows.GetArrayLength() != Math.Min(CaseQueries.PageSize, total)
                || rows.EnumerateArray().Any(r => r.GetProperty("status").GetString() == nameof(CaseStatus.Closed)))
            {
                throw new InvalidOperationException($"{officer.UserName} {filter}: {rows.GetArrayLength()} rows of {total}, or a closed case among them.");
            }

            if (i >= rounds - _samples)
            {
                all.Add(start, end);
                each[filter].Add(start, end);
            }
        }

        foreach (var latencies in each.Values)
        {
            Console.WriteLine(latencies.Describe("ms"));
        }

        Console.WriteLine(all.Describe("ms"));
        return all;
    }

    /// <summary>
    /// Each province's hotline agent opens the dashboard of their province (the last twelve months, the default), in
    /// turn; sequential, after the intake run. Then one province's figures are checked against the cases themselves.
    /// </summary>
    private async Task<Latencies> DashboardAsync(HttpClient client, AppContexts contexts, List<ApiCadre> agents, CancellationToken ct)
    {
        var provinces = agents.DistinctBy(a => a.OrgId).ToList();
        var latencies = new Latencies($"dashboard (GET {DashboardPath}, province hotline agent, own province, last 12 months)", _samples);
        var rounds = Math.Max(_samples / 5, 50) + _samples;
        for (var i = 0; i < rounds; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await GetAsync(client, provinces[i % provinces.Count], DashboardPath, ct);
            var end = Stopwatch.GetTimestamp();
            if (i >= rounds - _samples)
            {
                latencies.Add(start, end);
            }
        }

        Console.WriteLine(latencies.Describe("ms"));
        var province = provinces[0];
        var view = await GetAsync(client, province, DashboardPath, ct);
        var node = view.GetProperty("node");
        var (cases, open) = (node.GetProperty("cases").GetInt64(), node.GetProperty("open").GetInt64());
        var from = view.GetProperty("fromMonth").GetInt32();
        var since = new DateTimeOffset(from / 100, from % 100, 1, 0, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
        await using var db = contexts.WholeTree();
        var filed = db.RightsCases.Where(c => c.OrgPath.StartsWith(province.OrgPath) && c.ReceivedAt >= since);
        var (expected, expectedOpen) = (await filed.CountAsync(ct), await filed.CountAsync(c => c.Status != CaseStatus.Closed, ct));
        Console.WriteLine($"dashboard of {province.OrgPath} since {from}: {cases} cases, {open} open; the cases table: {expected} filed, {expectedOpen} open");
        if (cases != expected || open != expectedOpen)
        {
            throw new InvalidOperationException($"The dashboard of {province.OrgPath} shows {cases} cases ({open} open), the table holds {expected} ({expectedOpen} open).");
        }

        return latencies;
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, ApiCadre cadre, string path, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, path, cadre);
        using var response = await client.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} as {cadre.UserName}: {(int)response.StatusCode} {body}");
        }

        return JsonDocument.Parse(body).RootElement;
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, ApiCadre cadre)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", cadre.Token);
        return request;
    }

    private static string Verdict(bool met) => met ? "meets" : "MISSES";

    private static async Task<T> Step<T>(string name, Func<Task<T>> action)
    {
        var watch = Stopwatch.StartNew();
        var result = await action();
        Console.WriteLine($"load: {name} {watch.Elapsed.TotalSeconds:F1} s");
        return result;
    }

    private static Task Step(string name, Func<Task> action) => Step(name, async () =>
    {
        await action();
        return 0;
    });

    private sealed record IntakeRun(double Seconds, int Transfers, int TransferConflicts, Latencies Filing, Latencies Transfer, List<string> Failures);

    /// <summary>
    /// The agents at work: each takes the next call, files it (the request sent twice at once with one
    /// Idempotency-Key), and for one case in five the routing was wrong — the employer works in the next county — so
    /// it transfers the case to a sibling county (that request also sent twice on the same version).
    /// </summary>
    private sealed class Intake(HttpClient client, CaseFacts facts, List<ApiCadre> agents, int seed)
    {
        private static readonly (string Kind, string Topic, string Subject, string Details)[] Calls =
        [
            ("Complaint", "WageArrears", "工地拖欠工资", "在工地干了三个月，包工头一直拖着不结工资。"),
            ("Request", "WageArrears", "公司停业后工资未结清", "公司突然停业，最后两个月工资没有发。"),
            ("Complaint", "LabourContract", "入职半年未签劳动合同", "公司一直不签书面劳动合同，要求补签。"),
            ("Request", "SocialInsurance", "单位未缴纳社保", "入职两年，社保一直没有缴纳。"),
            ("Complaint", "Dismissal", "被口头辞退无补偿", "主管口头通知不用来了，没有任何补偿。"),
            ("Consultation", "LabourContract", "试用期可以延长吗", "公司说试用期表现一般，要再延长三个月。"),
            ("Consultation", "WageArrears", "加班费怎么计算", "周末加班公司只给调休，不给加班费。"),
            ("Suggestion", "Other", "建议增设工会驿站", "园区外卖骑手多，夏天没有歇脚喝水的地方。"),
        ];

        private int _calls;

        public ConcurrentDictionary<string, Guid> Filed { get; } = new(StringComparer.Ordinal);

        public int Mismatches;

        public int Transfers;

        public int TransferConflicts;

        public async Task<IntakeRun> RunAsync(int count, CancellationToken ct)
        {
            var next = -1;
            var filing = new Latencies("file (POST /api/rights/cases × 2, one Idempotency-Key)", count);
            var transfer = new Latencies("dispatch (POST /api/rights/cases/{id}/transfer × 2, one version)", count / 4);
            var failures = new ConcurrentQueue<string>();
            var (transfersBefore, conflictsBefore) = (Transfers, TransferConflicts);
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(agents.Select((agent, a) => Task.Run(async () =>
            {
                var random = new Random(HashCode.Combine(seed, a, Interlocked.Increment(ref _calls)));
                var counties = facts.CountiesByProvince[agent.OrgPath];
                while (Interlocked.Increment(ref next) < count)
                {
                    try
                    {
                        await CallAsync(agent, counties, random, filing, transfer, ct);
                    }
                    catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
                    {
                        failures.Enqueue(e.Message);
                    }
                }
            }, ct)));
            var seconds = watch.Elapsed.TotalSeconds;
            return new IntakeRun(seconds, Transfers - transfersBefore, TransferConflicts - conflictsBefore, filing, transfer, [.. failures]);
        }

        /// <summary>
        /// The runtime's floor for the same traffic: as many pairs of requests, sent the same way by as many agents with
        /// their tokens, to GET /health/live, which does no work. No product code can file cases faster than this.
        /// </summary>
        public async Task<double> FloorAsync(int count, CancellationToken ct)
        {
            var next = -1;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(agents.Select(agent => Task.Run(async () =>
            {
                while (Interlocked.Increment(ref next) < count)
                {
                    await Task.WhenAll(HealthAsync(agent, ct), HealthAsync(agent, ct));
                }
            }, ct)));
            return watch.Elapsed.TotalSeconds;
        }

        private async Task HealthAsync(ApiCadre agent, CancellationToken ct)
        {
            using var request = Request(HttpMethod.Get, "/health/live", agent);
            using var response = await client.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsStringAsync(ct);
        }

        private async Task CallAsync(ApiCadre agent, List<HandlingUnion> counties, Random random, Latencies filing, Latencies transfer, CancellationToken ct)
        {
            var call = Calls[random.Next(Calls.Length)];
            var county = counties[random.Next(counties.Count)];
            var named = random.Next(100) < 75;
            var employer = random.Next(county.Employers.Count);
            var wages = call.Topic == "WageArrears" && call.Kind is "Complaint" or "Request";
            var input = new Dictionary<string, object?>
            {
                ["kind"] = call.Kind,
                ["topic"] = call.Topic,
                ["subject"] = call.Subject,
                ["details"] = call.Details,
                ["callerName"] = "来电职工",
                ["phone"] = string.Create(CultureInfo.InvariantCulture, $"139{random.Next(0, 100_000_000):D8}"),
                ["employerOrgId"] = named ? county.Employers[employer] : null,
                ["employerName"] = named ? null : "某小微企业",
                ["placeOrgId"] = named ? null : county.Id,
                ["amountClaimed"] = wages ? random.Next(20, 600) * 100m : null,
                ["workersAffected"] = random.Next(100) < 85 ? 1 : random.Next(2, 40),
                // Half the consultations are answered there and then, which closes them.
                ["answer"] = call.Kind == "Consultation" && random.Next(2) == 0 ? "已按政策解答。" : null,
            };
            var key = Guid.NewGuid().ToString("N");
            var start = Stopwatch.GetTimestamp();
            var pair = await Task.WhenAll(FileAsync(agent, input, key, ct), FileAsync(agent, input, key, ct));
            Add(filing, start);
            if (pair[0].Id != pair[1].Id)
            {
                Interlocked.Increment(ref Mismatches);
            }

            Filed[key] = pair[0].Id;
            var filed = pair[0];
            // One in five: the employer in fact works in the next county; the agent passes the case across.
            if (filed.Status != nameof(CaseStatus.Received) || random.Next(5) != 0 || !facts.CountyById.TryGetValue(filed.OrgId, out var routed)
                || facts.CountiesByCity[routed.CityPath] is not { Count: > 1 } siblings)
            {
                return;
            }

            var target = siblings.Where(s => s.Id != routed.Id).ElementAt(random.Next(siblings.Count - 1));
            var body = new { version = filed.Version, toOrgId = target.Id, reason = $"用人单位实际经营地在{target.Name}" };
            start = Stopwatch.GetTimestamp();
            var statuses = await Task.WhenAll(TransferAsync(agent, filed.Id, body, ct), TransferAsync(agent, filed.Id, body, ct));
            Add(transfer, start);
            Interlocked.Increment(ref Transfers);
            if (statuses.Count(s => s == HttpStatusCode.OK) == 1 && statuses.Count(s => s == HttpStatusCode.Conflict) == 1)
            {
                Interlocked.Increment(ref TransferConflicts);
            }
        }

        /// <summary>The agents finish requests at once: one at a time into the shared list.</summary>
        private static void Add(Latencies latencies, long start)
        {
            var end = Stopwatch.GetTimestamp();
            lock (latencies)
            {
                latencies.Add(start, end);
            }
        }

        private async Task<(Guid Id, string Status, long OrgId, int Version)> FileAsync(ApiCadre agent, Dictionary<string, object?> input, string key, CancellationToken ct)
        {
            using var request = Request(HttpMethod.Post, "/api/rights/cases", agent);
            request.Headers.Add("Idempotency-Key", key);
            request.Content = JsonContent.Create(input);
            using var response = await client.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
            {
                throw new InvalidOperationException($"file: {(int)response.StatusCode} {body}");
            }

            var state = JsonDocument.Parse(body).RootElement;
            return (state.GetProperty("id").GetGuid(), state.GetProperty("status").GetString()!, state.GetProperty("orgId").GetInt64(), state.GetProperty("version").GetInt32());
        }

        private async Task<HttpStatusCode> TransferAsync(ApiCadre agent, Guid id, object body, CancellationToken ct)
        {
            using var request = Request(HttpMethod.Post, $"/api/rights/cases/{id}/transfer", agent);
            request.Content = JsonContent.Create(body);
            using var response = await client.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Conflict))
            {
                throw new InvalidOperationException($"transfer: {(int)response.StatusCode} {text}");
            }

            return response.StatusCode;
        }
    }
}