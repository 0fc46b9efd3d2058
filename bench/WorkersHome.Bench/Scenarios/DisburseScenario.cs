using System.Diagnostics;
using System.Globalization;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Npgsql;

using WorkersHome.Bench.Infrastructure;
using WorkersHome.Bench.Scenarios.Disburse;
using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Disbursement;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Platform.Audit;

namespace WorkersHome.Bench.Scenarios;

/// <summary>
/// Sending assistance payments to the bank, with a crash in the middle: 100,000 approved payments in 500 unions' batches
/// (200 each) of one program, compiled by one finance officer and confirmed by another. A worker process (this executable's hidden disburse-worker command)
/// sends the batches through the SendBatch use case with 16 workers, every request sent twice at once; when about
/// 45% of the payments are paid it is killed with SIGKILL, and a fresh worker process resumes every batch not marked
/// sent. Afterwards every payment must be sent to the bank (and booked paid in the ledger) exactly once: sent =
/// payments, no payment with two Paid ledger entries, none lost, the budgets moved from Reserved to Paid in step with the ledger (the program's reconciliation),
/// every batch sent with one audit row. per_s is payments over the two workers' sending time (from the first send to
/// the kill, plus from the resumed worker's first send to its last); process start-up is reported apart.
/// </summary>
internal sealed class DisburseScenario : IScenario
{
    private int _payments;
    private int _orgs;
    private int _workers;
    private double _killAt;
    private bool _diagnose;

    public string Name => "disburse";

    public string Usage => "[--payments 100000] [--orgs 500] [--workers 16] [--kill-at 0.45 (share of payments paid when the worker is killed)] [--diagnose 0|1 (count the workers' round trips; slows them)]";

    public void Configure(BenchArgs args)
    {
        _payments = args.Int("payments", 100_000, 1, 10_000_000);
        _orgs = args.Int("orgs", 500, 1, 10_000);
        _workers = args.Int("workers", 16, 1, 1_000);
        _killAt = args.Double("kill-at", 0.45, 0.01, 0.99);
        _diagnose = args.Int("diagnose", 0, 0, 1) == 1;
        if (_orgs > _payments)
        {
            throw new ArgumentException("--orgs cannot be more than --payments.");
        }
    }

    public async Task<string> RunAsync(string connectionString, CancellationToken ct)
    {
        await using var database = await ThrowawayDatabase.CreateAsync(connectionString, "wh_bench_disburse", ct);
        Console.WriteLine($"created database {database.Name}");
        var storage = Directory.CreateTempSubdirectory("wh-bench-disburse-");
        try
        {
            await using var app = BenchApp.Build(database.ConnectionString, storage.FullName);
            var contexts = new AppContexts(database.ConnectionString);
            var world = await DisbursementSeeder.SeedAsync(app.Services, contexts, database.ConnectionString, _payments, _orgs, ct);
            Console.WriteLine($"seeded program {world.ProgramId}: {world.Payments} approved payments of {world.Amount:F0} yuan in {world.Batches.Count} confirmed batches");
            var counter = new PaymentCounter(database.ConnectionString, world.ProgramId);

            // Run 1: sends until about the kill share is paid, then SIGKILL mid-flight.
            var target = (long)Math.Ceiling(world.Payments * _killAt);
            var first = await RunWorkerAsync(database.ConnectionString, storage.FullName, world.ProgramId, counter, target, ct);
            await WaitForWorkerConnectionsToEndAsync(database.ConnectionString, ct);
            var before = await counter.StateAsync(ct);
            Console.WriteLine(FormattableString.Invariant(
                $"run 1: {first.Batches} batches queued; killed (SIGKILL, exit code {first.ExitCode}) {first.SendSeconds:F2} s after its first send, when {first.PaidAtKill} were seen paid; after the kill {before.Paid} paid, batches: {before.SentBatches} marked sent, {before.DoneUnmarked} fully paid but not yet marked, {before.PartlyPaid} partly paid, {before.Untouched} untouched"));
            Console.WriteLine("run 1: " + first.Processor.Describe(first.SendSeconds, before.Paid));

            // Run 2: a fresh process resumes every batch not marked sent.
            var second = await RunWorkerAsync(database.ConnectionString, storage.FullName, world.ProgramId, counter, null, ct);
            Console.WriteLine(FormattableString.Invariant(
                $"run 2 (resume): {second.Batches} batches × 2 requests, {second.Sent} payments sent in {second.SendSeconds:F2} s, {second.Failures} failed requests"));
            Console.WriteLine("run 2: " + second.Processor.Describe(second.SendSeconds, second.Sent));
            var seconds = first.SendSeconds + second.SendSeconds;
            Console.WriteLine(FormattableString.Invariant(
                $"sending time {seconds:F2} s ({first.SendSeconds:F2} + {second.SendSeconds:F2}); process wall time {first.WallSeconds + second.WallSeconds:F2} s ({first.WallSeconds:F2} + {second.WallSeconds:F2}, start-up included); {_workers} workers, every request sent twice"));

            var (paid, doublePaid, lost) = await VerifyAsync(app.Services, contexts, world, before.Paid + second.Sent, first.Failures + second.Failures, ct);
            return string.Create(CultureInfo.InvariantCulture,
                $"BENCH disburse payments={world.Payments} paid={paid} double_paid={doublePaid} lost={lost} per_s={world.Payments / seconds:F0}");
        }
        finally
        {
            storage.Delete(recursive: true);
        }
    }

    private sealed record WorkerRun(int Batches, long Sent, long Failures, double SendSeconds, double WallSeconds, long PaidAtKill, int ExitCode, ProcessorTally Processor);

    /// <summary>
    /// Starts the worker process and waits for it to finish, or, with <paramref name="killWhenPaid"/>, kills it once that
    /// many payments are paid. The sending time runs from its "start" line (just before its first send) to its own
    /// reckoning at the end, or to the kill.
    /// </summary>
    private async Task<WorkerRun> RunWorkerAsync(string databaseConnectionString, string storage, long programId, PaymentCounter counter, long? killWhenPaid,
        CancellationToken ct)
    {
        var start = WorkerStart(programId);
        start.Environment[DisburseWorker.DatabaseVariable] = databaseConnectionString;
        start.Environment[DisburseWorker.StorageVariable] = Directory.CreateDirectory(Path.Combine(storage, "worker")).FullName;
        var tally = new ProcessorTally();
        var started = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        string? ready = null;
        string? done = null;
        var failures = 0L;
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            switch (e.Data)
            {
                case "start":
                    started.TrySetResult(Stopwatch.GetTimestamp());
                    tally.MarkStart(process.Id);
                    break;
                case { } line when line.StartsWith("ready ", StringComparison.Ordinal):
                    ready = line;
                    break;
                case { } line when line.StartsWith("done ", StringComparison.Ordinal):
                    done = line;
                    break;
                case { } line:
                    Console.WriteLine("worker: " + line);
                    break;
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                if (line.StartsWith("failure:", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref failures);
                }

                Console.Error.WriteLine("worker: " + line);
            }
        };

        await using var connection = new NpgsqlConnection(databaseConnectionString);
        await connection.OpenAsync(ct);
        var launched = Stopwatch.GetTimestamp();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var exited = process.WaitForExitAsync(ct);
            if (await Task.WhenAny(started.Task, exited) != started.Task)
            {
                throw new InvalidOperationException($"the worker ended (exit code {process.ExitCode}) before it started sending");
            }

            var firstSend = started.Task.Result;
            long paidAtKill = 0;
            var sendSeconds = 0.0;
            // Every 50 ms: the worker's and its server processes' processor time, and (to kill it) the payments paid so far.
            while (!process.HasExited)
            {
                await tally.SampleAsync(connection, process.Id, ct);
                if (killWhenPaid is { } target && (paidAtKill = await counter.PaidAsync(connection, ct)) >= target)
                {
                    // On Linux this is kill(pid, SIGKILL) for the process and any children: nothing in it runs again.
                    process.Kill(entireProcessTree: true);
                    sendSeconds = Stopwatch.GetElapsedTime(firstSend).TotalSeconds;
                    break;
                }

                await Task.WhenAny(exited, Task.Delay(50, ct));
            }

            // Also drains the redirected streams, so the handlers have seen every line.
            await process.WaitForExitAsync(ct);
            process.WaitForExit();
            var wall = Stopwatch.GetElapsedTime(launched).TotalSeconds;
            if (killWhenPaid is { } expected)
            {
                if (done is not null)
                {
                    throw new InvalidOperationException($"the worker finished before {expected} payments were paid, so it was never killed; use a larger --payments or a smaller --kill-at");
                }

                if (process.ExitCode != 128 + 9)
                {
                    throw new InvalidOperationException($"the worker was to die of SIGKILL (exit code 137) but ended with {process.ExitCode}");
                }
            }
            else if (done is null)
            {
                throw new InvalidOperationException($"the worker ended (exit code {process.ExitCode}) without reporting");
            }
            else
            {
                sendSeconds = Field(done, "seconds");
            }

            var batches = (int)Field(ready!, "batches");
            var sent = done is null ? 0 : (long)Field(done, "sent");
            return new WorkerRun(batches, sent, Interlocked.Read(ref failures), sendSeconds, wall, paidAtKill, process.ExitCode, tally);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>This same executable with the hidden worker command, run as it was run (apphost, or dotnet and the dll).</summary>
    private ProcessStartInfo WorkerStart(long programId)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell how this process was started");
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(DisburseScenario).Assembly.Location);
        }

        foreach (var arg in new[] { DisburseWorker.Command, "--program", programId.ToString(CultureInfo.InvariantCulture), "--workers", _workers.ToString(CultureInfo.InvariantCulture), "--diagnose", _diagnose ? "1" : "0" })
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    private static double Field(string line, string name) =>
        double.Parse(line.Split(' ').Single(p => p.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..], CultureInfo.InvariantCulture);

    /// <summary>The server ends a dead client's sessions (rolling back their open transactions) when it notices the closed socket.</summary>
    private static async Task WaitForWorkerConnectionsToEndAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name", connection);
            command.Parameters.AddWithValue("name", DisburseWorker.ApplicationName);
            var left = (long)(await command.ExecuteScalarAsync(ct))!;
            if (left == 0)
            {
                Console.WriteLine($"the killed worker's server sessions ended within {watch.Elapsed.TotalSeconds:F2} s");
                return;
            }

            if (watch.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException($"{left} server sessions of the killed worker are still open after 60 s");
            }

            await Task.Delay(20, ct);
        }
    }

    /// <summary>Counts the database's payments and batches between and after the runs (not part of the product).</summary>
    private sealed class PaymentCounter(string connectionString, long programId)
    {
        public async Task<long> PaidAsync(NpgsqlConnection connection, CancellationToken ct)
        {
            await using var command = new NpgsqlCommand("""SELECT count(*) FROM assistance.payments WHERE "ProgramId" = @program AND "Status" = @paid""", connection);
            command.Parameters.AddWithValue("program", programId);
            command.Parameters.AddWithValue("paid", (int)PaymentStatus.Sent);
            return (long)(await command.ExecuteScalarAsync(ct))!;
        }

        public async Task<(long Paid, int SentBatches, int DoneUnmarked, int PartlyPaid, int Untouched)> StateAsync(CancellationToken ct)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(
                """
                SELECT b."Status", count(*) FILTER (WHERE p."Status" = @paid), count(*)
                FROM assistance.payment_batches b JOIN assistance.payments p ON p."BatchId" = b."Id"
                WHERE b."ProgramId" = @program GROUP BY b."Id", b."Status"
                """, connection);
            command.Parameters.AddWithValue("program", programId);
            command.Parameters.AddWithValue("paid", (int)PaymentStatus.Sent);
            await using var reader = await command.ExecuteReaderAsync(ct);
            long paid = 0;
            int sent = 0, unmarked = 0, partly = 0, untouched = 0;
            while (await reader.ReadAsync(ct))
            {
                var (status, paidHere, items) = ((BatchStatus)reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2));
                paid += paidHere;
                if (status == BatchStatus.Sent)
                {
                    sent++;
                }
                else if (paidHere == items)
                {
                    unmarked++;
                }
                else if (paidHere > 0)
                {
                    partly++;
                }
                else
                {
                    untouched++;
                }
            }

            return (paid, sent, unmarked, partly, untouched);
        }
    }

    /// <summary>Checks the outcome against the database; throws unless every payment is paid exactly once and the books agree.</summary>
    private async Task<(long Paid, long DoublePaid, long Lost)> VerifyAsync(IServiceProvider services, AppContexts contexts, DisburseWorld world, long paidByRuns, long failures,
        CancellationToken ct)
    {
        await using var db = contexts.WholeTree();
        var programId = world.ProgramId;
        var statuses = await db.Payments.AsNoTracking().Where(p => p.ProgramId == programId).GroupBy(p => p.Status)
            .Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var paid = statuses.GetValueOrDefault(PaymentStatus.Sent);
        var payments = statuses.Values.Sum();
        var entries = db.FundEntries.AsNoTracking().Where(e => e.ProgramId == programId && e.Kind == FundEntryKind.Paid);
        var paidEntries = await entries.LongCountAsync(ct);
        var doublePaid = await entries.GroupBy(e => e.ApplicationId).Where(g => g.Count() > 1).LongCountAsync(ct);
        var paidWithoutEntry = await db.Payments.AsNoTracking()
            .LongCountAsync(p => p.ProgramId == programId && p.Status == PaymentStatus.Sent && !entries.Any(e => e.ApplicationId == p.ApplicationId), ct);
        var entriesWithoutPaid = await entries.LongCountAsync(e => !db.Set<Payment>().Any(p => p.ApplicationId == e.ApplicationId && p.Status == PaymentStatus.Sent), ct);
        var lost = world.Payments - paid;
        var budgets = await db.ProgramBudgets.AsNoTracking().Where(b => b.ProgramId == programId && b.ParentId != null).ToListAsync(ct);
        var (reserved, paidAmount) = (budgets.Sum(b => b.Reserved), budgets.Sum(b => b.Paid));
        var batches = await db.PaymentBatches.AsNoTracking().Where(b => b.ProgramId == programId).GroupBy(b => b.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var sentRecords = await db.AuditEntries.AsNoTracking().Where(a => a.Action == DisbursementAuditActions.BatchSent)
            .GroupBy(a => a.TargetId).Select(g => g.Count()).ToListAsync(ct);
        await new AuditSealer(db).SealAllAsync(ct);
        var chain = await new AuditVerifier(db, services.GetRequiredService<AuditCheckpointKey>()).VerifyAsync(ct);

        IReadOnlyList<ReconciliationRow> reconciliation;
        await using (var scope = world.ProgramOfficer.Scope(services))
        {
            reconciliation = await scope.ServiceProvider.GetRequiredService<ProgramQueries>().ReconcileAsync(programId, ct);
        }

        Console.WriteLine(FormattableString.Invariant(
            $"check: payments {payments} ({string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}"))}); Paid ledger entries {paidEntries}, applications paid more than once {doublePaid}, paid without an entry {paidWithoutEntry}, entries without a paid payment {entriesWithoutPaid}; counted by the runs {paidByRuns}"));
        Console.WriteLine(FormattableString.Invariant(
            $"check: union budgets reserved {reserved:#,0} yuan, paid {paidAmount:#,0} yuan; budget rows matching the ledger {reconciliation.Count(r => r.Matches)}/{reconciliation.Count}; batches {string.Join(", ", batches.OrderBy(b => b.Key).Select(b => $"{b.Key} {b.Value}"))}; batch-sent audit rows {sentRecords.Sum()} for {sentRecords.Count} batches; audit chain {(chain.Intact ? "intact" : "BROKEN: " + chain.Problem)} ({chain.RowsChecked} rows); failed requests {failures}"));
        var expectedPaid = world.Payments * world.Amount;
        if (payments != world.Payments || paid != world.Payments || paidEntries != world.Payments || doublePaid != 0 || paidWithoutEntry != 0 || entriesWithoutPaid != 0
            || paidByRuns != world.Payments || reserved != 0 || paidAmount != expectedPaid || reconciliation.Any(r => !r.Matches)
            || batches.GetValueOrDefault(BatchStatus.Sent) != world.Batches.Count || sentRecords.Count != world.Batches.Count || sentRecords.Any(n => n != 1)
            || !chain.Intact || failures != 0)
        {
            throw new InvalidOperationException(
                $"Expected all {world.Payments} payments paid exactly once, the budgets and ledger in step and every batch sent once; paid {paid}, double paid {doublePaid}, lost {lost}, failed requests {failures}.");
        }

        return (paid, doublePaid, lost);
    }
}