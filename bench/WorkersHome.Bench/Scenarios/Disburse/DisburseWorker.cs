using System.Diagnostics;
using System.Globalization;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Npgsql;

using WorkersHome.Bench.Infrastructure;
using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Disbursement;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Bench.Scenarios.Disburse;

/// <summary>
/// The worker process of the disburse scenario (a hidden command of this executable, started by
/// <see cref="DisburseScenario"/>, which may kill it with SIGKILL). It builds the app on the scenario's database, and
/// <c>--workers</c> workers take the program's batches not yet marked sent from a shared queue; each batch is sent
/// through the SendBatch use case twice at once, each call a finance officer's request with its own scope.
/// It talks to the parent by lines on standard output: "ready …", "start" just before the first send, "done …" at the end.
/// </summary>
internal static class DisburseWorker
{
    public const string Command = "disburse-worker";

    /// <summary>The scenario's database (the parent passes it in the environment rather than on the command line).</summary>
    public const string DatabaseVariable = "WORKERSHOME_BENCH_DISBURSE_DB";

    /// <summary>A directory the parent owns (and removes, also after a kill) for the app's file storage.</summary>
    public const string StorageVariable = "WORKERSHOME_BENCH_DISBURSE_STORAGE";

    /// <summary>The worker's connections carry this name, so the parent can see when the server has let go of them.</summary>
    public const string ApplicationName = "wh-bench-disburse-worker";

    public static async Task<int> MainAsync(string[] args)
    {
        long programId;
        int workers;
        bool diagnose;
        try
        {
            var options = BenchArgs.Parse(args);
            programId = options.Int("program", 0, 1, int.MaxValue);
            workers = options.Int("workers", 16, 1, 1_000);
            diagnose = options.Int("diagnose", 0, 0, 1) == 1;
            options.ThrowIfUnused();
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"{Command}: {e.Message}");
            return 2;
        }

        var database = Environment.GetEnvironmentVariable(DatabaseVariable);
        var storage = Environment.GetEnvironmentVariable(StorageVariable);
        if (string.IsNullOrEmpty(database) || string.IsNullOrEmpty(storage))
        {
            Console.Error.WriteLine($"{Command} is started by the disburse scenario, which sets {DatabaseVariable} and {StorageVariable}.");
            return 2;
        }

        var connectionString = new NpgsqlConnectionStringBuilder(database) { ApplicationName = ApplicationName }.ConnectionString;
        await using var app = BenchApp.Build(connectionString, storage);
        var ct = CancellationToken.None;
        var finance = await ActingCadre.FindAsync(app.Services, DisbursementSeeder.FinanceUser, ct);
        List<long> batches;
        await using (var scope = finance.Scope(app.Services))
        {
            // What an operator resumes after a crash: every batch of the program not yet marked sent.
            batches = await scope.ServiceProvider.GetRequiredService<AppDbContext>().PaymentBatches.AsNoTracking()
                .Where(b => b.ProgramId == programId && b.Status != BatchStatus.Sent).OrderBy(b => b.Id).Select(b => b.Id).ToListAsync(ct);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ready batches={batches.Count} workers={workers} pid={Environment.ProcessId}"));
        using var counter = diagnose ? new RoundTripCounter() : null;
        var (allocated, collections, paused) = (GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.GetTotalPauseDuration());
        Console.WriteLine("start");
        var watch = Stopwatch.StartNew();
        var next = -1;
        var sent = 0L;
        var calls = 0L;
        var failures = 0L;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < batches.Count)
            {
                // The request and its twin (a double click, a client's retry) at the same moment.
                var pair = await Task.WhenAll(SendAsync(app.Services, finance, batches[i]), SendAsync(app.Services, finance, batches[i]));
                foreach (var count in pair)
                {
                    Interlocked.Increment(ref calls);
                    if (count < 0)
                    {
                        Interlocked.Increment(ref failures);
                    }
                    else
                    {
                        Interlocked.Add(ref sent, count);
                    }
                }
            }
        })));
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gc: {(GC.GetTotalAllocatedBytes() - allocated) / Math.Max(1, sent):F0} bytes allocated per payment sent, {GC.CollectionCount(0) - collections} collections, {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F2} s paused"));
        if (counter is not null)
        {
            Console.WriteLine("diagnose: " + counter.Describe(Math.Max(1, batches.Count), Math.Max(1, sent)));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"done batches={batches.Count} calls={calls} sent={sent} failures={failures} seconds={seconds:F3}"));
        return failures == 0 ? 0 : 1;
    }

    /// <summary>One finance officer's send request; -1 when it failed (reported on standard error).</summary>
    private static async Task<int> SendAsync(IServiceProvider services, ActingCadre finance, long batchId)
    {
        try
        {
            await using var scope = finance.Scope(services);
            return await scope.ServiceProvider.GetRequiredService<SendBatch>().ExecuteAsync(batchId, CancellationToken.None);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"failure: batch {batchId}: {e.GetType().Name}: {e.Message}");
            return -1;
        }
    }
}