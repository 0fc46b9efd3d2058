using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Bench.Infrastructure;
using WorkersHome.Bench.Scenarios.Assistance;
using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Applications;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Bench.Scenarios;

/// <summary>
/// Final approval of assistance applications at the budget's edge, in-process through the product's ApproveApplication use case:
/// 32 approvers (each approval a request's scope of its own, the approver signed in) approve 20,000 applications of
/// 1,000 yuan, each tried once, against county budgets that cover exactly 15,000 of them. Exactly 15,000 must be
/// approved (each with its payment waiting), the other 5,000 refused as over budget, no budget overdrawn, and the ledger
/// must agree with the budgets.
/// per_s is approvals (successful ones) per second of the measured run.
/// </summary>
internal sealed class ApproveScenario : IScenario
{
    private int _applications;
    private int _covered;
    private int _approvers;
    private bool _diagnose;
    private bool _floor;

    public string Name => "approve";

    public string Usage => "[--applications 20000] [--covered 15000] [--approvers 32] [--diagnose 0|1 (count round trips, sample server waits)] [--floor 0|1 (record the run's SQL and replay it on a copy taken before)]";

    public void Configure(BenchArgs args)
    {
        _applications = args.Int("applications", 20_000, 1, 1_000_000);
        _covered = args.Int("covered", 15_000, 0, 1_000_000);
        _approvers = args.Int("approvers", 32, 1, 1_000);
        _diagnose = args.Int("diagnose", 0, 0, 1) == 1;
        _floor = args.Int("floor", 0, 0, 1) == 1;
        if (_covered > _applications)
        {
            throw new ArgumentException("--covered cannot be more than --applications.");
        }
    }

    public async Task<string> RunAsync(string connectionString, CancellationToken ct)
    {
        await using var database = await ThrowawayDatabase.CreateAsync(connectionString, "wh_bench_approve", ct);
        Console.WriteLine($"created database {database.Name}");
        var storage = Directory.CreateTempSubdirectory("wh-bench-approve-");
        try
        {
            var recorder = new TransactionRecorder();
            await using var app = BenchApp.Build(database.ConnectionString, storage.FullName,
                hostServices: _floor ? services => Array.ForEach(recorder.Interceptors, i => services.AddSingleton(i)) : null);
            var contexts = new AppContexts(database.ConnectionString);
            var world = await ApprovalSeeder.SeedAsync(app.Services, contexts, database.ConnectionString, _applications, _covered, _approvers, ct);
            await using var floorCopy = _floor ? await CopyAsync(connectionString, database.Name, ct) : null;
            await using var transactionsCopy = _floor ? await CopyAsync(connectionString, database.Name, ct) : null;
            recorder.Recording = _floor;

            // Each application once, in an order unrelated to filing or county, so budgets run out while others still have room.
            var queue = world.Applications.ToArray();
            new Random(2026).Shuffle(queue);
            using var commands = _diagnose ? new EfCommandStats() : null;
            var waits = _diagnose ? WaitSampler.Start(connectionString, database.Name, TimeSpan.FromMilliseconds(20)) : null;
            commands?.Recording = true;
            // Every server process of the run is then started for it, so that its processor time is the run's.
            Npgsql.NpgsqlConnection.ClearAllPools();
            var cpu = new CpuMeter();
            var run = await ApproveAllAsync(app.Services, world, queue, ct);
            var processor = await cpu.DescribeAsync(connectionString, database.Name, queue.Length);
            commands?.Recording = false;
            if (waits is not null)
            {
                Console.WriteLine("diagnose (its own overhead slows the run): " + await waits.StopAsync());
                await waits.DisposeAsync();
                Console.WriteLine("diagnose: " + commands!.Describe(queue.Length));
            }

            Console.WriteLine(FormattableString.Invariant(
                $"{queue.Length} applications × 1 attempt by {world.Approvers.Count} approvers in {run.Seconds:F2} s: {run.Approved} approved, {run.OverBudget} refused as over budget, {run.Failures.Count} failed otherwise"));
            Console.WriteLine(processor);
            foreach (var failure in run.Failures.Take(5))
            {
                Console.Error.WriteLine($"failure: {failure}");
            }

            Console.WriteLine(run.ApprovedLatencies.Describe("ms"));
            if (run.RefusedLatencies.Count > 0)
            {
                Console.WriteLine(run.RefusedLatencies.Describe("ms"));
            }

            recorder.Recording = false;
            var overdrawn = await VerifyAsync(app.Services, contexts, world, run, ct);
            var floor = "";
            if (floorCopy is not null)
            {
                var units = recorder.Units.ToList();
                var replay = await SqlReplay.RunAsync(floorCopy.ConnectionString, units, world.Approvers.Count, ct);
                var perApproval = replay.Seconds / run.Approved;
                Console.WriteLine(FormattableString.Invariant(
                    $"floor: the run's {replay.Units} units of work ({units.Sum(u => u.Commands.Count)} statements) replayed by {world.Approvers.Count} connections on a copy taken before it: {replay.Seconds:F2} s, {replay.Committed} committed, {replay.Errors} refused{(replay.FirstError is null ? "" : " (first: " + replay.FirstError + ")")}; {perApproval * 1000:F3} ms per approval, against {run.Seconds / run.Approved * 1000:F3} ms through the product (recording on)"));
                // The approvals' transactions alone, without the reads before them: what storing the decision costs the
                // database however those reads were cut or cached.
                var transactions = units.Where(u => u.Isolation is not null).ToList();
                var writes = await SqlReplay.RunAsync(transactionsCopy!.ConnectionString, transactions, world.Approvers.Count, ct);
                Console.WriteLine(FormattableString.Invariant(
                    $"floor, transactions only: {writes.Units} transactions ({transactions.Sum(u => u.Commands.Count)} statements) replayed the same way: {writes.Seconds:F2} s, {writes.Committed} committed, {writes.Errors} refused{(writes.FirstError is null ? "" : " (first: " + writes.FirstError + ")")}; {writes.Seconds / run.Approved * 1000:F3} ms per approval"));
                floor = FormattableString.Invariant($" floor_per_s={run.Approved / replay.Seconds:F0} transactions_floor_per_s={run.Approved / writes.Seconds:F0}");
            }

            return string.Create(CultureInfo.InvariantCulture,
                $"BENCH approve approved={run.Approved} overdrawn={overdrawn} per_s={run.Approved / run.Seconds:F0}{floor}");
        }
        finally
        {
            storage.Delete(recursive: true);
        }
    }

    /// <summary>A copy of the seeded database, taken with no connection open to it, for the floor's replay.</summary>
    private static async Task<ThrowawayDatabase> CopyAsync(string connectionString, string source, CancellationToken ct)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        var copy = await ThrowawayDatabase.CreateAsync(connectionString, "wh_bench_approve_floor", ct, template: source);
        Console.WriteLine($"created database {copy.Name} (a copy of the seeded {source}, for the floor)");
        return copy;
    }

    private sealed record Run(int Approved, int OverBudget, IReadOnlyCollection<string> Failures, double Seconds, Latencies ApprovedLatencies, Latencies RefusedLatencies);

    /// <summary>Approver k works as the k-th approver: takes the next application from the shared queue and approves it.</summary>
    private static async Task<Run> ApproveAllAsync(IServiceProvider services, ApprovalWorld world, Guid[] queue, CancellationToken ct)
    {
        var next = -1;
        var failures = new ConcurrentQueue<string>();
        var perApprover = world.Approvers.Select(_ => (Approved: new List<(long, long)>(), Refused: new List<(long, long)>())).ToArray();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(world.Approvers.Select((approver, k) => Task.Run(async () =>
        {
            var (approved, refused) = perApprover[k];
            int i;
            while ((i = Interlocked.Increment(ref next)) < queue.Length)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await using var scope = approver.Scope(services);
                    await scope.ServiceProvider.GetRequiredService<ApproveApplication>().ExecuteAsync(queue[i], new ApplicationDecision(1, null), ct);
                    approved.Add((start, Stopwatch.GetTimestamp()));
                }
                catch (ConflictException e) when (IsOverBudget(e))
                {
                    refused.Add((start, Stopwatch.GetTimestamp()));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failures.Enqueue($"{queue[i]} by {approver.UserName}: {e.GetType().Name}: {e.Message}");
                }
            }
        }, ct)));
        var seconds = watch.Elapsed.TotalSeconds;
        var approvedLatencies = new Latencies("approved: latency per approval", queue.Length);
        var refusedLatencies = new Latencies("refused as over budget: latency per refusal", queue.Length);
        foreach (var (approved, refused) in perApprover)
        {
            approved.ForEach(t => approvedLatencies.Add(t.Item1, t.Item2));
            refused.ForEach(t => refusedLatencies.Add(t.Item1, t.Item2));
        }

        return new Run(approvedLatencies.Count, refusedLatencies.Count, failures, seconds, approvedLatencies, refusedLatencies);
    }

    private static bool IsOverBudget(ConflictException e) =>
        e.Message.StartsWith("超出年度预算", StringComparison.Ordinal) || e.Message.StartsWith("Over the year's budget", StringComparison.Ordinal);

    /// <summary>Checks the run against the database; returns the number of budgets overdrawn and throws unless every count is exact.</summary>
    private async Task<int> VerifyAsync(IServiceProvider services, AppContexts contexts, ApprovalWorld world, Run run, CancellationToken ct)
    {
        await using var db = contexts.WholeTree();
        var statuses = await db.AssistanceApplications.AsNoTracking().Where(a => a.ProgramId == world.ProgramId)
            .GroupBy(a => a.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Status, g => g.Count, ct);
        var approved = statuses.GetValueOrDefault(ApplicationStatus.Approved);
        var waiting = statuses.GetValueOrDefault(ApplicationStatus.Submitted);
        var budgets = await db.ProgramBudgets.AsNoTracking().Where(b => b.ProgramId == world.ProgramId).ToListAsync(ct);
        var overdrawn = budgets.Count(b => b.Amount - b.AllocatedOut - b.Reserved - b.Paid < 0);
        var reservedTotal = budgets.Sum(b => b.Reserved);
        var holds = await db.FundEntries.AsNoTracking().Where(e => e.ProgramId == world.ProgramId && e.Kind == FundEntryKind.Reserved)
            .GroupBy(e => 1).Select(g => new { Count = g.Count(), Sum = g.Sum(e => e.Amount) }).FirstOrDefaultAsync(ct);
        var approvalSteps = await db.ApplicationSteps.AsNoTracking().CountAsync(s => s.Kind == ApplicationStepKind.Approved, ct);
        var payments = await db.Payments.AsNoTracking().CountAsync(p => p.ProgramId == world.ProgramId, ct);
        var approvedWithoutBudget = await db.AssistanceApplications.AsNoTracking()
            .CountAsync(a => a.ProgramId == world.ProgramId && a.Status == ApplicationStatus.Approved && a.BudgetId == null, ct);
        await new AuditSealer(db).SealAllAsync(ct);
        var chain = await new AuditVerifier(db, services.GetRequiredService<AuditCheckpointKey>()).VerifyAsync(ct);

        IReadOnlyList<ReconciliationRow> reconciliation;
        await using (var scope = world.ProgramOfficer.Scope(services))
        {
            reconciliation = await scope.ServiceProvider.GetRequiredService<ProgramQueries>().ReconcileAsync(world.ProgramId, ct);
        }

        Console.WriteLine(FormattableString.Invariant(
            $"check: applications approved {approved}, waiting {waiting}; {budgets.Count} budgets, {overdrawn} overdrawn, reserved {reservedTotal:#,0} yuan; ledger holds {holds?.Count ?? 0} for {holds?.Sum ?? 0:#,0} yuan; approval steps {approvalSteps}; payments waiting {payments}; budget rows matching the ledger {reconciliation.Count(r => r.Matches)}/{reconciliation.Count}; audit chain {(chain.Intact ? "intact" : "BROKEN: " + chain.Problem)} ({chain.RowsChecked} rows)"));
        var expectedReserved = _covered * world.Amount;
        if (approved != _covered || run.Approved != _covered || run.OverBudget != _applications - _covered || run.Failures.Count != 0 || waiting != _applications - _covered
            || overdrawn != 0 || reservedTotal != expectedReserved || (holds?.Count ?? 0) != _covered || (holds?.Sum ?? 0) != expectedReserved
            || approvalSteps != _covered || payments != _covered || approvedWithoutBudget != 0 || reconciliation.Any(r => !r.Matches) || !chain.Intact)
        {
            throw new InvalidOperationException(
                $"Expected exactly {_covered} approvals and {_applications - _covered} over-budget refusals with nothing overdrawn and the ledger in step; " +
                $"the run counted {run.Approved} approved, {run.OverBudget} refused, {run.Failures.Count} failed.");
        }

        return overdrawn;
    }
}