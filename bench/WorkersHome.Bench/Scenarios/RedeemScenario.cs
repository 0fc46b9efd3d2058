using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Bench.Infrastructure;
using WorkersHome.Bench.Scenarios.Merchants;
using WorkersHome.Bench.Scenarios.Registry;
using WorkersHome.Bench.Scenarios.Tree;
using WorkersHome.Modules.Cards.Tokens;
using WorkersHome.Modules.Merchants;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Bench.Scenarios;

/// <summary>
/// Sales at partner merchants through the running app over HTTP: 200 tills (concurrent connections, signed in as
/// till staff) record one sale for each of 10,000 members' cards, each request sent twice at once (a double tap).
/// Every pair must get the same recorded sale back, and the table must hold exactly one sale per card. The floor is
/// the same number of request pairs, sent the same way, to an endpoint that does nothing (the web stack alone).
/// </summary>
internal sealed class RedeemScenario : IScenario
{
    private int _cards;
    private int _tills;
    private int _warmup;
    private bool _floor;

    public string Name => "redeem";

    public string Usage => "[--cards 10000] [--tills 200] [--warmup 8000] [--floor 0|1 (record the measured run's SQL and replay it on a copy taken before)]";

    public void Configure(BenchArgs args)
    {
        _cards = args.Int("cards", 10_000, 1, 1_000_000);
        _tills = args.Int("tills", 200, 1, 2_000);
        _warmup = args.Int("warmup", 8_000, 0, 1_000_000);
        _floor = args.Int("floor", 0, 0, 1) == 1;
    }

    public async Task<string> RunAsync(string connectionString, CancellationToken ct)
    {
        await using var database = await ThrowawayDatabase.CreateAsync(connectionString, "wh_bench_redeem", ct);
        Console.WriteLine($"created database {database.Name}");
        var storage = Directory.CreateTempSubdirectory("wh-bench-redeem-");
        try
        {
            var recorder = new TransactionRecorder();
            await using var app = BenchApp.Build(database.ConnectionString, storage.FullName, listen: true, hostServices: _floor
                ? services =>
                {
                    Array.ForEach(recorder.Interceptors, i => services.AddSingleton(i));
                    services.AddSingleton<WorkersHome.Platform.Persistence.IDirectSqlObserver>(recorder);
                }
            : null);
            var contexts = new AppContexts(database.ConnectionString);
            await NationalTreeSeeder.LoadAsync(contexts, NationalTreeSeeder.Divisions(1), 200, 2026, ct);
            await MemberSeeder.LoadAsync(contexts, database.ConnectionString, app.Services.GetRequiredService<PersonalDataProtector>(),
                (_cards + _warmup) * 5 / 4, 2026, ct);
            var till = await TillSeeder.SeedAsync(contexts, _cards + _warmup, ct);
            var cards = till.Cards;
            Console.WriteLine($"seeded {cards.Count} members with cards and {till.MerchantName} with a till account");

            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var floorCopy = _floor ? await ThrowawayDatabase.CreateAsync(connectionString, "wh_bench_redeem_floor", ct, template: database.Name) : null;
            await WorkersHomeApp.PrepareAndMapAsync(app);
            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var issuer = app.Services.GetRequiredService<CardTokenIssuer>();
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = _tills, UseCookies = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
            using var client = new HttpClient(handler) { BaseAddress = new Uri(address) };
            var cookie = await SignInAsync(client, ct);
            var offerId = till.OfferId;

            // Warm-up (JIT tiers, connection pools, caches) on cards of its own, kept out of the measured set.
            await RunTillsAsync(client, cookie, issuer, cards.Take(_warmup).ToList(), offerId, ct);
            var measured = cards.Skip(_warmup).ToList();
            // Every server process of the run is then started for it, so that its processor time is the run's.
            Npgsql.NpgsqlConnection.ClearAllPools();
            var cpu = new CpuMeter();
            recorder.Recording = _floor;
            var (mismatches, seconds) = await RunTillsAsync(client, cookie, issuer, measured, offerId, ct);
            recorder.Recording = false;
            Console.WriteLine(await cpu.DescribeAsync(connectionString, database.Name, measured.Count));
            var (_, floorSeconds) = await RunHealthPairsAsync(client, cookie, measured.Count, ct);
            Console.WriteLine(FormattableString.Invariant(
                $"floor: {measured.Count} pairs of GET /health/live from {_tills} tills in {floorSeconds:F2} s = {measured.Count / floorSeconds:F0} pairs/s ({2 * measured.Count / floorSeconds:F0} requests/s)"));
            await app.StopAsync(ct);
            var databaseFloor = "";
            if (floorCopy is not null)
            {
                var units = recorder.Units.ToList();
                var replay = await SqlReplay.RunAsync(floorCopy.ConnectionString, units, _tills, ct);
                Console.WriteLine(FormattableString.Invariant(
                    $"floor, database alone: the measured run's {replay.Units} units of work ({units.Sum(u => u.Commands.Count)} statements, every statement of the app's own and background work) replayed by {_tills} connections on a copy taken before the run: {replay.Seconds:F2} s = {measured.Count / replay.Seconds:F0} sales/s, {replay.Errors} refused{(replay.FirstError is null ? "" : " (first: " + replay.FirstError + ")")}"));
                databaseFloor = FormattableString.Invariant($" database_floor_per_s={measured.Count / replay.Seconds:F0}");
            }

            await using var db = contexts.WholeTree();
            var recorded = await db.Redemptions.CountAsync(ct);
            var perCard = await db.Redemptions.GroupBy(r => r.CardId).Select(g => g.Count()).Where(n => n > 1).CountAsync(ct);
            // Every card was shown once (one token, sent twice): any sale beyond one per card is a duplicate.
            var duplicates = recorded - await db.Redemptions.Select(r => r.CardId).Distinct().CountAsync(ct);
            Console.WriteLine(FormattableString.Invariant(
                $"{measured.Count} cards × 2 requests from {_tills} tills in {seconds:F2} s; {recorded} sales recorded in all; pairs answered with different sales: {mismatches}; cards with more than one sale: {perCard}"));
            if (recorded != cards.Count || mismatches != 0)
            {
                throw new InvalidOperationException($"Expected exactly one sale per card ({cards.Count}), found {recorded}; {mismatches} pairs disagreed.");
            }

            return string.Create(CultureInfo.InvariantCulture,
                $"BENCH redeem redemptions={measured.Count} duplicates_recorded={duplicates} per_s={measured.Count / seconds:F0} floor_per_s={measured.Count / floorSeconds:F0}{databaseFloor}");
        }
        finally
        {
            storage.Delete(recursive: true);
        }
    }

    /// <summary>Every till takes the next card and sends its sale twice at once; returns the pairs that disagreed and the seconds taken.</summary>
    private Task<(int Mismatches, double Seconds)> RunTillsAsync(HttpClient client, string cookie, CardTokenIssuer issuer, List<Guid> cards, long offerId,
        CancellationToken ct)
    {
        // Codes come from the members' phones (signed by the app's issuer before the tills start): not the tills' work.
        var tokens = cards.Select(c => issuer.Issue(c).Token).ToArray();
        return RunPairsAsync(tokens.Length, i => SendAsync(client, cookie, tokens[i], offerId, ct), ct);
    }

    /// <summary>
    /// The runtime's floor for the same traffic: as many pairs of requests, sent the same way by as many tills with the
    /// same cookie, to GET /health/live, which does no work at all. No product code can answer the sales faster.
    /// </summary>
    private Task<(int Mismatches, double Seconds)> RunHealthPairsAsync(HttpClient client, string cookie, int pairs, CancellationToken ct) =>
        RunPairsAsync(pairs, async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
            request.Headers.Add("Cookie", cookie);
            using var response = await client.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsStringAsync(ct);
            return 0L;
        }, ct);

    /// <summary>Every till takes the next index and sends its request twice at once; returns the pairs answered differently and the seconds taken.</summary>
    private async Task<(int Mismatches, double Seconds)> RunPairsAsync(int count, Func<int, Task<long>> send, CancellationToken ct)
    {
        var next = -1;
        var mismatches = 0;
        var watch = Stopwatch.StartNew();
        var tills = Enumerable.Range(0, _tills).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                // The member's phone shows its fresh code; the cashier's double tap sends the sale twice at once.
                var pair = await Task.WhenAll(send(i), send(i));
                if (pair[0] != pair[1])
                {
                    Interlocked.Increment(ref mismatches);
                }
            }
        }, ct)).ToArray();
        await Task.WhenAll(tills);
        return (mismatches, watch.Elapsed.TotalSeconds);
    }

    private static async Task<long> SendAsync(HttpClient client, string cookie, string token, long offerId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/till/redemptions")
        {
            Content = JsonContent.Create(new { token, offerId, saleAmount = 99.50m }),
        };
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    private static async Task<string> SignInAsync(HttpClient client, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync("/api/till/sign-in", new { userName = TillSeeder.StaffUserName, password = TillSeeder.Password }, ct);
        response.EnsureSuccessStatusCode();
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }
}