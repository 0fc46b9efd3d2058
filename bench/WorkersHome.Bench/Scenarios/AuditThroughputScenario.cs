using System.Diagnostics;
using System.Globalization;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Bench.Infrastructure;
using WorkersHome.Bench.Scenarios.Assistance;
using WorkersHome.Bench.Scenarios.AuditThroughput;
using WorkersHome.Bench.Scenarios.Merchants;
using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Register;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Bench.Scenarios;

/// <summary>
/// What the audit trail costs the writers: 64 writers (each change a request of its own through the product's use cases:
/// member corrections, till sales and assistance approvals, mixed) for 30 s with the audit trail on and its sealer
/// running, against the same writers for 30 s with the audit rows dropped in the benchmark's harness (the baseline), in
/// the same run on the same database after a warm-up. Then `audit verify` over the whole trail, which already held a
/// province's history of a million rows before the run.
/// </summary>
internal sealed class AuditThroughputScenario : IScenario
{
    private int _writers;
    private int _seconds;
    private int _pool;
    private int _history;
    private int _warmup;

    public string Name => "audit-throughput";

    public string Usage => "[--writers 64] [--seconds 30] [--pool 25000 (changes of each kind a phase may make)] [--history 1000000 (audit rows on record before)] [--warmup 8]";

    public void Configure(BenchArgs args)
    {
        _writers = args.Int("writers", 64, 3, 1_000);
        _seconds = args.Int("seconds", 30, 1, 3_600);
        _pool = args.Int("pool", 25_000, 100, 1_000_000);
        _history = args.Int("history", 1_000_000, 0, 100_000_000);
        _warmup = args.Int("warmup", 8, 1, 600);
    }

    public async Task<string> RunAsync(string connectionString, CancellationToken ct)
    {
        await using var database = await ThrowawayDatabase.CreateAsync(connectionString, "wh_bench_audit", ct);
        Console.WriteLine($"created database {database.Name}");
        var storage = Directory.CreateTempSubdirectory("wh-bench-audit-");
        try
        {
            var audit = new AuditSwitch();
            await using var app = BenchApp.Build(database.ConnectionString, storage.FullName, listen: true, s => s.AddSingleton<IInterceptor>(audit));
            var contexts = new AppContexts(database.ConnectionString);
            var warmupPool = Math.Max(_pool / 5, 100);
            var needed = (2 * _pool) + warmupPool;
            var world = await ApprovalSeeder.SeedAsync(app.Services, contexts, database.ConnectionString, needed, needed, _writers, ct);
            var till = await TillSeeder.SeedAsync(contexts, needed, ct);
            var corrections = await CorrectionsAsync(contexts, needed, ct);
            await AddHistoryAsync(contexts, _history, ct);

            // From here the app runs as deployed: its sealer links committed audit rows into the chain in the background.
            await WorkersHomeApp.PrepareAndMapAsync(app);
            await app.StartAsync(ct);
            var pools = Split(corrections, till, world.Applications, warmupPool);
            var writers = new MixedWriters(app.Services, world.ProgramOfficer, world.Approvers, till, _writers);
            var duration = TimeSpan.FromSeconds(_seconds);

            var warmup = await writers.RunAsync(pools.Warmup, TimeSpan.FromSeconds(_warmup), ct);
            Console.WriteLine(warmup.Describe());
            await SealedAsync(contexts, ct);

            var before = await AuditRowsAsync(contexts, ct);
            audit.Off = true;
            var baseline = await writers.RunAsync(pools.Baseline, duration, ct);
            audit.Off = false;
            Console.WriteLine(baseline.Describe());
            var afterBaseline = await AuditRowsAsync(contexts, ct);

            var audited = await writers.RunAsync(pools.Audited, duration, ct);
            var lag = await SealedAsync(contexts, ct);
            Console.WriteLine(audited.Describe());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"the sealer had sealed every row {lag.TotalSeconds:F2} s after the audited phase ended"));
            var afterAudited = await AuditRowsAsync(contexts, ct);
            await app.StopAsync(ct);
            foreach (var latencies in audited.Latencies.Concat(baseline.Latencies))
            {
                Console.WriteLine(latencies.Describe("ms"));
            }

            var (verified, verifySeconds) = await VerifyAsync(contexts, app.Services.GetRequiredService<AuditCheckpointKey>(), ct);
            Check(baseline, audited, audit, afterBaseline - before, afterAudited - afterBaseline, verified);
            var ratio = audited.PerSecond / baseline.PerSecond;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"audited kinds only (member edits and approvals): {audited.AuditedPerSecond:F0}/s against {baseline.AuditedPerSecond:F0}/s, ratio {audited.AuditedPerSecond / baseline.AuditedPerSecond:F2}"));
            return string.Create(CultureInfo.InvariantCulture,
                $"BENCH audit-throughput writes_per_s={audited.PerSecond:F0} baseline_per_s={baseline.PerSecond:F0} ratio={ratio:F2} verify_ok={(verified.Intact ? 1 : 0)} verify_s_per_million={verifySeconds * 1_000_000 / verified.RowsChecked:F2}");
        }
        finally
        {
            storage.Delete(recursive: true);
        }
    }

    private sealed record Pools(ChangePool Warmup, ChangePool Baseline, ChangePool Audited);

    /// <summary>Disjoint members and applications per phase; cards are shown again in each phase, with a fresh code each time.</summary>
    private Pools Split(IReadOnlyList<MemberCorrection> corrections, TillWorld till, IReadOnlyList<Guid> applications, int warmupPool)
    {
        ChangePool Slice(string name, int from, int count) => new(name, [.. corrections.Skip(from).Take(count)], till.Cards, [.. applications.Skip(from).Take(count)]);
        var pools = new Pools(Slice("warm-up (audited)", 0, warmupPool), Slice("baseline (audit rows dropped)", warmupPool, _pool),
            Slice("audited", warmupPool + _pool, _pool));
        Console.WriteLine($"each phase may make up to {pools.Audited.Size} changes of each kind ({pools.Warmup.Size} in the warm-up)");
        return pools;
    }

    /// <summary>Each counted member's record as the edit form loads it, with the employer's name corrected.</summary>
    private static async Task<List<MemberCorrection>> CorrectionsAsync(AppContexts contexts, int count, CancellationToken ct)
    {
        await using var db = contexts.WholeTree();
        var members = await db.Members.AsNoTracking().Where(m => m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Retained)
            .OrderBy(m => m.Id).Take(count).ToListAsync(ct);
        return [.. members.Select(m => new MemberCorrection(m.Id, m.Version, MemberInput.Of(m) with { EmployerName = (m.EmployerName ?? "职工之家") + "（更正）" }))];
    }

    /// <summary>The trail a province already has: audit rows written in bulk, then sealed by the product's sealer (timed).</summary>
    private static async Task AddHistoryAsync(AppContexts contexts, int rows, CancellationToken ct)
    {
        if (rows == 0)
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        const int Batch = 100_000;
        var start = DateTimeOffset.UtcNow.AddDays(-365);
        for (var written = 0; written < rows; written += Batch)
        {
            await using var db = contexts.WholeTree();
            await db.Database.OpenConnectionAsync(ct);
            var batch = Enumerable.Range(written, Math.Min(Batch, rows - written)).Select(i => new AuditEntry
            {
                At = AuditEntry.TruncateToMicroseconds(start.AddSeconds(i * 30.0)),
                ActorId = null,
                ActorName = "history" + (i % 500).ToString(CultureInfo.InvariantCulture),
                Action = (i % 3) switch { 0 => "member.viewed", 1 => "member.updated", _ => "assistance.step" },
                TargetType = "member",
                TargetId = Guid.CreateVersion7().ToString(),
                OrgPath = "/11/",
                Detail = "{\"changed\":[\"EmployerName\"]}",
                ClientIp = "10.0.0." + (i % 250).ToString(CultureInfo.InvariantCulture),
            }).ToList();
            await db.InsertManyAsync(batch, ct);
        }

        var inserted = watch.Elapsed.TotalSeconds;
        watch.Restart();
        await using (var db = contexts.WholeTree())
        {
            await new AuditSealer(db).SealAllAsync(ct);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"history: {rows} audit rows written in {inserted:F1} s, sealed by the sealer in {watch.Elapsed.TotalSeconds:F1} s ({rows / watch.Elapsed.TotalSeconds:F0} rows/s)"));
    }

    private static async Task<long> AuditRowsAsync(AppContexts contexts, CancellationToken ct)
    {
        await using var db = contexts.WholeTree();
        return await db.AuditEntries.LongCountAsync(ct);
    }

    /// <summary>Waits for the app's sealer to have sealed every committed row; returns how long that took.</summary>
    private static async Task<TimeSpan> SealedAsync(AppContexts contexts, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using var db = contexts.WholeTree();
        while (await db.AuditEntries.AnyAsync(e => e.Sequence == null, ct))
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new InvalidOperationException("The sealer left rows unsealed for five minutes.");
            }

            await Task.Delay(20, ct);
        }

        return watch.Elapsed;
    }

    private static async Task<(AuditVerification Report, double Seconds)> VerifyAsync(AppContexts contexts, AuditCheckpointKey key, CancellationToken ct)
    {
        await using var db = contexts.WholeTree();
        var watch = Stopwatch.StartNew();
        var report = await new AuditVerifier(db, key).VerifyAsync(ct);
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"audit verify: {(report.Intact ? "intact" : "BROKEN: " + report.Problem)}, {report.RowsChecked} rows in {seconds:F2} s"));
        return (report, seconds);
    }

    /// <summary>Throws unless both phases ran clean, the baseline wrote no audit row and the audited phase one per audited change.</summary>
    private static void Check(PhaseResult baseline, PhaseResult audited, AuditSwitch audit, long baselineRows, long auditedRows, AuditVerification verified)
    {
        foreach (var failure in baseline.Failures.Concat(audited.Failures))
        {
            Console.Error.WriteLine($"failure: {failure}");
        }

        var auditedChanges = audited.Made[(int)ChangeKind.MemberEdit] + audited.Made[(int)ChangeKind.Approval];
        var baselineChanges = baseline.Made[(int)ChangeKind.MemberEdit] + baseline.Made[(int)ChangeKind.Approval];
        Console.WriteLine($"check: audit rows added by the baseline {baselineRows} ({audit.Dropped} dropped for its {baselineChanges} audited changes), by the audited phase {auditedRows} for its {auditedChanges}");
        if (baseline.FailureCount != 0 || audited.FailureCount != 0 || baselineRows != 0 || audit.Dropped != baselineChanges || auditedRows != auditedChanges
            || !verified.Intact)
        {
            throw new InvalidOperationException("The run is not valid: see the check line and the failures above.");
        }
    }
}