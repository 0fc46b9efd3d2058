using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Bench.Infrastructure;
using WorkersHome.Modules.Cards.Tokens;

namespace WorkersHome.Bench.Scenarios;

/// <summary>
/// Card-token verification: in-process through the product's verifier (one thread, then every core), and over HTTP
/// against the real app on a socket — POST /api/cards/verify with 32 concurrent connections, compared in the same run
/// with GET /health/live under the same load. Tokens are signed by the app's own issuer with a fresh key.
/// </summary>
internal sealed class CardVerifyScenario : IScenario
{
    private int _seconds;
    private int _connections;

    public string Name => "card-verify";

    public string Usage => "[--seconds 8] [--connections 32]";

    public void Configure(BenchArgs args)
    {
        _seconds = args.Int("seconds", 8, 1, 600);
        _connections = args.Int("connections", 32, 1, 1024);
    }

    public async Task<string> RunAsync(string connectionString, CancellationToken ct)
    {
        await using var database = await ThrowawayDatabase.CreateAsync(connectionString, "wh_bench_cards", ct);
        Console.WriteLine($"created database {database.Name}");
        var storage = Directory.CreateTempSubdirectory("wh-bench-cards-");
        try
        {
            await using var app = BenchApp.Build(database.ConnectionString, storage.FullName, listen: true);
            await WorkersHomeApp.PrepareAndMapAsync(app);
            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            Console.WriteLine($"app listening on {address}");

            var issuer = app.Services.GetRequiredService<CardTokenIssuer>();
            var verifier = app.Services.GetRequiredService<CardTokenVerifier>();
            var revocations = app.Services.GetRequiredService<CardRevocations>();
            await revocations.RefreshAsync(ct);
            var tokens = Enumerable.Range(0, 4096).Select(_ => issuer.Issue(Guid.CreateVersion7()).Token).ToArray();

            var single = InProcess(verifier, revocations, tokens, threads: 1, TimeSpan.FromSeconds(Math.Min(_seconds, 3)));
            var all = InProcess(verifier, revocations, tokens, Environment.ProcessorCount, TimeSpan.FromSeconds(Math.Min(_seconds, 3)));
            Console.WriteLine(FormattableString.Invariant(
                $"in-process: {single:F0} verifications/s on one thread; {all:F0}/s on {Environment.ProcessorCount} threads ({all / Environment.ProcessorCount:F0}/s per core)"));

            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = _connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
            {
                BaseAddress = new Uri(address),
            };
            // Warm both paths up (JIT, connection pool) before measuring either.
            await LoadAsync(client, tokens, verify: true, TimeSpan.FromSeconds(2), ct);
            await LoadAsync(client, tokens, verify: false, TimeSpan.FromSeconds(2), ct);
            var health = await LoadAsync(client, tokens, verify: false, TimeSpan.FromSeconds(_seconds), ct);
            var verify = await LoadAsync(client, tokens, verify: true, TimeSpan.FromSeconds(_seconds), ct);
            Console.WriteLine(FormattableString.Invariant($"GET /health/live: {health.Rps:F0} requests/s; {health.Latencies.Describe("ms")}"));
            Console.WriteLine(FormattableString.Invariant($"POST /api/cards/verify: {verify.Rps:F0} requests/s; {verify.Latencies.Describe("ms")}"));
            await app.StopAsync(ct);
            return string.Create(CultureInfo.InvariantCulture,
                $"BENCH card-verify inproc_per_s={single:F0} http_rps={verify.Rps:F0} http_p99_ms={verify.Latencies.PercentileMilliseconds(99):F2} ratio_vs_health={verify.Rps / health.Rps:F2}");
        }
        finally
        {
            storage.Delete(recursive: true);
        }
    }

    private static double InProcess(CardTokenVerifier verifier, CardRevocations revocations, string[] tokens, int threads, TimeSpan duration)
    {
        var counts = new long[threads];
        var watch = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            long done = 0;
            var i = t * 997;
            while (watch.Elapsed < duration)
            {
                for (var k = 0; k < 100; k++)
                {
                    if (!verifier.Verify(tokens[i++ % tokens.Length], revocations).IsValid)
                    {
                        throw new InvalidOperationException("A freshly signed token did not verify.");
                    }
                }

                done += 100;
            }

            counts[t] = done;
        });
        return counts.Sum() / watch.Elapsed.TotalSeconds;
    }

    private async Task<(double Rps, Latencies Latencies)> LoadAsync(HttpClient client, string[] tokens, bool verify, TimeSpan duration, CancellationToken ct)
    {
        var samples = new List<(long Start, long End)>[_connections];
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, _connections).Select(w => Task.Run(async () =>
        {
            var mine = samples[w] = new List<(long, long)>(1 << 16);
            var i = w * 131;
            while (watch.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = verify
                    ? await client.PostAsJsonAsync("/api/cards/verify", new { token = tokens[i++ % tokens.Length] }, ct)
                    : await client.GetAsync("/health/live", ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if (!response.IsSuccessStatusCode || (verify && !body.Contains("\"valid\":true", StringComparison.Ordinal)))
                {
                    throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
                }

                mine.Add((start, Stopwatch.GetTimestamp()));
            }
        }, ct)).ToArray();
        await Task.WhenAll(workers);
        var seconds = watch.Elapsed.TotalSeconds;
        var latencies = new Latencies(verify ? "verify" : "health", samples.Sum(s => s.Count));
        foreach (var (start, end) in samples.SelectMany(s => s))
        {
            latencies.Add(start, end);
        }

        return (latencies.Count / seconds, latencies);
    }
}