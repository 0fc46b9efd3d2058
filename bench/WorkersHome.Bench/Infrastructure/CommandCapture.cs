using System.Data.Common;

using Microsoft.EntityFrameworkCore.Diagnostics;

using Npgsql;

namespace WorkersHome.Bench.Infrastructure;

/// <summary>
/// Records the SQL (with its parameters) that EF sends while <see cref="Recording"/> is on, so that a slow query can be
/// re-run under EXPLAIN exactly as the product issued it. Off during timed calls.
/// </summary>
internal sealed class CommandCapture : DbCommandInterceptor
{
    private readonly List<(string Sql, NpgsqlParameter[] Parameters)> _commands = [];

    public bool Recording { get; set; }

    public IReadOnlyList<(string Sql, NpgsqlParameter[] Parameters)> Commands => _commands;

    public void Clear() => _commands.Clear();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Record(DbCommand command)
    {
        if (Recording && command is NpgsqlCommand npgsql)
        {
            _commands.Add((npgsql.CommandText, npgsql.Parameters.Select(p => p.Clone()).ToArray()));
        }
    }

    /// <summary>Runs every recorded command under EXPLAIN (ANALYZE, BUFFERS) and returns the plans as text.</summary>
    public async Task<string> ExplainAsync(string connectionString, CancellationToken ct)
    {
        var text = new System.Text.StringBuilder();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        foreach (var (sql, parameters) in _commands)
        {
            text.AppendLine("-- " + string.Join(", ", parameters.Select(p => $"{p.ParameterName}={Show(p.Value)}")));
            text.AppendLine(sql).AppendLine();
            await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection);
            explain.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
            await using var reader = await explain.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                text.AppendLine(reader.GetString(0));
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        System.Collections.IEnumerable e when value is not string => "[" + string.Join(",", e.Cast<object>()) + "]",
        _ => value.ToString() ?? "",
    };
}