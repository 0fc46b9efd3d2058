using System.Globalization;

using Npgsql;

namespace WorkersHome.Bench.Infrastructure;

/// <summary>
/// Samples pg_stat_activity of one database while a run goes on: what each of its server connections is doing
/// (running a statement, waiting for a lock and which kind, idle inside a transaction while the app works, idle in the
/// pool), so that a run that is slower than its round trips explain shows where it queues.
/// </summary>
internal sealed class WaitSampler : IAsyncDisposable
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _samples;

    private WaitSampler(string connectionString, string database, TimeSpan every) => _loop = Task.Run(() => LoopAsync(connectionString, database, every));

    public static WaitSampler Start(string connectionString, string database, TimeSpan every) => new(connectionString, database, every);

    /// <summary>Average number of the database's connections in each state over the samples, busiest first.</summary>
    public async Task<string> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        lock (_counts)
        {
            var samples = Math.Max(1, _samples);
            return $"server connections on average over {_samples} samples: " + string.Join(", ", _counts.OrderByDescending(c => c.Value)
                .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {(double)c.Value / samples:F1}")));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }

    private async Task LoopAsync(string connectionString, string database, TimeSpan every)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT CASE
                WHEN wait_event_type = 'Lock' THEN 'waiting for lock:' || wait_event
                WHEN state = 'active' AND wait_event_type IS NULL THEN 'running'
                WHEN state = 'active' THEN 'running, waiting on ' || wait_event_type || ':' || wait_event
                WHEN state = 'idle in transaction' THEN 'idle in transaction (the app''s turn)'
                ELSE coalesce(state, '?') END, count(*)
            FROM pg_stat_activity WHERE datname = @database AND pid <> pg_backend_pid() GROUP BY 1
            """, connection);
        command.Parameters.AddWithValue("database", database);
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var sample = new List<(string, long)>();
                await using (var reader = await command.ExecuteReaderAsync(_stop.Token))
                {
                    while (await reader.ReadAsync(_stop.Token))
                    {
                        sample.Add((reader.GetString(0), reader.GetInt64(1)));
                    }
                }

                lock (_counts)
                {
                    _samples++;
                    foreach (var (state, count) in sample)
                    {
                        _counts[state] = _counts.GetValueOrDefault(state) + count;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }
}