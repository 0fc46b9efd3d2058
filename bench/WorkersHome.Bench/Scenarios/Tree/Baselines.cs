using System.Diagnostics;

using Npgsql;

using WorkersHome.Bench.Infrastructure;

namespace WorkersHome.Bench.Scenarios.Tree;

/// <summary>
/// Floors for the scope check, measured in the same run: the bare round trip and the same SQL without EF.
/// Both open a pooled connection per call, as a request's context does.
/// </summary>
internal static class Baselines
{
    // The statement EF Core emits for IsInScopeAsync under the subtree query filter (taken from the server log).
    private const string ScopeSql =
        "SELECT EXISTS (SELECT 1 FROM org.units AS u WHERE u.\"Path\" >= @from AND u.\"Path\" < @to AND u.\"Id\" = @id)";

    public static async Task<Latencies> SelectOneAsync(string connectionString, int warmup, int samples, CancellationToken ct)
    {
        var latencies = new Latencies("baseline SELECT 1 (raw Npgsql, pooled open + round trip)", samples);
        for (var i = 0; i < warmup + samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(ct);
            }

            var end = Stopwatch.GetTimestamp();
            if (i >= warmup)
            {
                latencies.Add(start, end);
            }
        }

        return latencies;
    }

    /// <summary>
    /// The scope check's SQL without EF; <paramref name="prepare"/> keeps a server-side prepared statement on each
    /// pooled connection (Npgsql keeps those across pooled open/close), so parse and plan are skipped.
    /// </summary>
    public static async Task<Latencies> RawScopeCheckAsync(string connectionString, TreeProbes probes, bool prepare,
        int warmup, int samples, CancellationToken ct)
    {
        var latencies = new Latencies($"baseline scope check SQL (raw Npgsql, no EF, {(prepare ? "prepared" : "unprepared")})", samples);
        var call = 0;
        foreach (var (cadre, target, expected) in probes.ScopePairs(warmup + samples))
        {
            var start = Stopwatch.GetTimestamp();
            bool inScope;
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand(ScopeSql, connection);
                command.Parameters.AddWithValue("from", cadre.Path);
                command.Parameters.AddWithValue("to", cadre.Path + "~");
                command.Parameters.AddWithValue("id", target.Id);
                if (prepare)
                {
                    await command.PrepareAsync(ct);
                }

                inScope = (bool)(await command.ExecuteScalarAsync(ct))!;
            }

            var end = Stopwatch.GetTimestamp();
            if (inScope != expected)
            {
                throw new InvalidOperationException($"{target.Path} under {cadre.Path}: raw SQL said {inScope}.");
            }

            if (call++ >= warmup)
            {
                latencies.Add(start, end);
            }
        }

        return latencies;
    }
}