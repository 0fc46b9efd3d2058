using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Bench.Infrastructure;
using WorkersHome.Bench.Scenarios.Assistance;
using WorkersHome.Bench.Scenarios.Merchants;
using WorkersHome.Modules.Assistance.Applications;
using WorkersHome.Modules.Cards.Tokens;
using WorkersHome.Modules.Members.Register;
using WorkersHome.Modules.Merchants.Till;

namespace WorkersHome.Bench.Scenarios.AuditThroughput;

internal enum ChangeKind
{
    MemberEdit,
    TillSale,
    Approval,
}

/// <summary>What one phase did: changes made per kind, failures, and how long it took.</summary>
internal sealed record PhaseResult(string Name, double Seconds, int[] Made, IReadOnlyList<string> Failures, int FailureCount, bool PoolUsedUp,
    IReadOnlyList<Latencies> Latencies)
{
    public int Total => Made.Sum();

    public double PerSecond => Total / Seconds;

    /// <summary>The kinds that write an audit row (a till sale is its own record and stays out of the chain, docs/adr/0010).</summary>
    public double AuditedPerSecond => (Made[(int)ChangeKind.MemberEdit] + Made[(int)ChangeKind.Approval]) / Seconds;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {Total} changes in {Seconds:F1} s = {PerSecond:F0}/s ({Made[0]} member edits, {Made[1]} till sales, {Made[2]} approvals; audited kinds {AuditedPerSecond:F0}/s); " +
        $"{FailureCount} failed{(PoolUsedUp ? "; ended early: its pool of changes ran out" : "")}");
}

/// <summary>
/// Writers that each make one change after another through the product's use cases, each change a request's scope of
/// its own with the right person signed in: a cadre correcting a member's record, a till recording a sale, an approver
/// approving an application. Writer k starts at kind k mod 3 and goes round the kinds, so every kind is always in flight.
/// </summary>
internal sealed class MixedWriters(IServiceProvider services, BenchCadre editor, IReadOnlyList<BenchCadre> approvers, TillWorld till, int writers)
{
    private const int Kinds = 3;

    public async Task<PhaseResult> RunAsync(ChangePool pool, TimeSpan duration, CancellationToken ct)
    {
        // The members' phones show fresh codes (signed before the phase starts; not the writers' work).
        var issuer = services.GetRequiredService<CardTokenIssuer>();
        var tokens = pool.Cards.Select(c => issuer.Issue(c).Token).ToArray();
        var failures = new ConcurrentQueue<string>();
        var failureCount = 0;
        var usedUp = false;
        var timings = Enumerable.Range(0, writers).Select(_ => Enumerable.Range(0, Kinds).Select(_ => new List<(long, long)>()).ToArray()).ToArray();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = w; watch.Elapsed < duration && !Volatile.Read(ref usedUp); i++)
            {
                var kind = (ChangeKind)(i % Kinds);
                var start = Stopwatch.GetTimestamp();
                try
                {
                    if (!await MakeAsync(kind, w, pool, tokens, ct))
                    {
                        Volatile.Write(ref usedUp, true);
                        break;
                    }

                    timings[w][(int)kind].Add((start, Stopwatch.GetTimestamp()));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Interlocked.Increment(ref failureCount);
                    if (failures.Count < 10)
                    {
                        failures.Enqueue($"{kind} by writer {w}: {e.GetType().Name}: {e.Message}");
                    }
                }
            }
        }, ct)));
        var seconds = watch.Elapsed.TotalSeconds;
        var latencies = Enumerable.Range(0, Kinds).Select(k => new Latencies($"{pool.Name} {(ChangeKind)k}: latency", 100_000)).ToArray();
        foreach (var writer in timings)
        {
            for (var k = 0; k < Kinds; k++)
            {
                writer[k].ForEach(t => latencies[k].Add(t.Item1, t.Item2));
            }
        }

        return new PhaseResult(pool.Name, seconds, [.. latencies.Select(l => l.Count)], [.. failures], failureCount, usedUp, latencies);
    }

    /// <summary>Makes one change of the kind; false when the pool has none of that kind left.</summary>
    private async Task<bool> MakeAsync(ChangeKind kind, int writer, ChangePool pool, string[] tokens, CancellationToken ct)
    {
        switch (kind)
        {
            case ChangeKind.MemberEdit:
                {
                    if (pool.NextCorrection() is not { } correction)
                    {
                        return false;
                    }

                    await using var scope = editor.Scope(services);
                    await scope.ServiceProvider.GetRequiredService<UpdateMember>().ExecuteAsync(correction.MemberId, correction.Version, correction.Input, ct);
                    return true;
                }

            case ChangeKind.TillSale:
                {
                    var i = pool.NextSale();
                    if (i < 0)
                    {
                        return false;
                    }

                    // A till's request: the till's own sign-in names the staff and merchant, no cadre is involved.
                    await using var scope = services.CreateAsyncScope();
                    var sale = await scope.ServiceProvider.GetRequiredService<RecordRedemption>()
                        .ExecuteAsync(till.StaffId, till.MerchantId, tokens[i], till.OfferId, 99.50m, ct);
                    if (sale.Repeated)
                    {
                        throw new InvalidOperationException($"the code of card {pool.Cards[i]} was recorded before");
                    }

                    return true;
                }

            default:
                {
                    if (pool.NextApplication() is not { } application)
                    {
                        return false;
                    }

                    await using var scope = approvers[writer % approvers.Count].Scope(services);
                    await scope.ServiceProvider.GetRequiredService<ApproveApplication>().ExecuteAsync(application, new ApplicationDecision(1, null), ct);
                    return true;
                }
        }
    }
}