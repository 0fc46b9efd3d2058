using System.Diagnostics;

using Npgsql;

namespace WorkersHome.Bench.Infrastructure;

/// <summary>
/// Sends recorded units of work (<see cref="TransactionRecorder"/>) straight through Npgsql, by as many concurrent
/// workers as the product run had, each unit in its own transaction ending as it ended in the run. Results are read
/// and dropped. What is left is the database's share of the work: the floor the product's code path stands on.
/// </summary>
internal static class SqlReplay
{
    public sealed record Result(int Units, int Committed, double Seconds, int Errors, string? FirstError);

    public static async Task<Result> RunAsync(string connectionString, IReadOnlyList<RecordedUnit> units, int workers, CancellationToken ct)
    {
        var next = -1;
        var committed = 0;
        var errors = 0;
        string? firstError = null;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            int i;
            while ((i = Interlocked.Increment(ref next)) < units.Count)
            {
                var unit = units[i];
                try
                {
                    await using var transaction = unit.Isolation is { } isolation ? await connection.BeginTransactionAsync(isolation, ct) : null;
                    foreach (var (sql, parameters) in unit.Commands)
                    {
                        await using var command = new NpgsqlCommand(sql, connection, transaction);
                        command.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
                        await using var reader = await command.ExecuteReaderAsync(ct);
                        do
                        {
                            while (await reader.ReadAsync(ct))
                            {
                            }
                        }
                        while (await reader.NextResultAsync(ct));
                    }

                    if (transaction is not null)
                    {
                        if (unit.Committed)
                        {
                            await transaction.CommitAsync(ct);
                            Interlocked.Increment(ref committed);
                        }
                        else
                        {
                            await transaction.RollbackAsync(ct);
                        }
                    }
                }
                catch (PostgresException e)
                {
                    // The replay does not re-create the run's interleaving; a unit that now meets a different state is
                    // counted, not retried.
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, e.MessageText, null);
                }
            }
        }, ct)));
        return new Result(units.Count, committed, watch.Elapsed.TotalSeconds, errors, firstError);
    }
}