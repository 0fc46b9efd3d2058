using System.Collections.Concurrent;
using System.Diagnostics;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkersHome.Bench.Infrastructure;

/// <summary>
/// Counts what every EF context in the process sends to the database while <see cref="Recording"/> is on (through EF's
/// diagnostic events, so the app's own contexts are counted without changing its composition): commands by their
/// first words, transactions, savepoints and commits, and the time spent waiting for each kind. Each counted item is
/// one round trip to the server (BEGIN travels with the first command and is not one of its own).
/// </summary>
internal sealed class EfCommandStats : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentDictionary<string, (long Count, double Milliseconds)> _kinds = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;

    public EfCommandStats() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    public bool Recording { get; set; }

    public long RoundTrips => _kinds.Values.Sum(k => k.Count);

    public void Clear() => _kinds.Clear();

    /// <summary>"12.0 round trips per attempt: SELECT 7.0 (1.2 ms), UPDATE 1.0 (0.4 ms), …" for the given number of attempts.</summary>
    public string Describe(int attempts) =>
        FormattableString.Invariant($"{(double)RoundTrips / attempts:F1} round trips per attempt: ") + string.Join(", ", _kinds.OrderByDescending(k => k.Value.Count)
            .Select(k => FormattableString.Invariant($"{k.Key} {(double)k.Value.Count / attempts:F2} (avg {k.Value.Milliseconds / Math.Max(1, k.Value.Count):F2} ms)")));

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (!Recording)
        {
            return;
        }

        switch (value.Value)
        {
            case CommandExecutedEventData executed:
                Add(Kind(executed.Command.CommandText), executed.Duration);
                break;
            case CommandErrorEventData failed:
                Add(Kind(failed.Command.CommandText) + " (failed)", failed.Duration);
                break;
            case TransactionEndEventData ended when value.Key.EndsWith("TransactionCommitted", StringComparison.Ordinal):
                Add("COMMIT", ended.Duration);
                break;
            case TransactionEndEventData ended when value.Key.EndsWith("TransactionRolledBack", StringComparison.Ordinal):
                Add("ROLLBACK", ended.Duration);
                break;
            case TransactionEventData when value.Key.EndsWith("CreatedTransactionSavepoint", StringComparison.Ordinal):
                Add("SAVEPOINT", TimeSpan.Zero);
                break;
            case TransactionEventData when value.Key.EndsWith("ReleasedTransactionSavepoint", StringComparison.Ordinal):
                Add("RELEASE SAVEPOINT", TimeSpan.Zero);
                break;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }

    private void Add(string kind, TimeSpan duration) =>
        _kinds.AddOrUpdate(kind, (1, duration.TotalMilliseconds), (_, k) => (k.Count + 1, k.Milliseconds + duration.TotalMilliseconds));

    /// <summary>The statement's kind: its first keyword, with the table for writes ("INSERT audit.entries"), or the function a SELECT calls.</summary>
    private static string Kind(string sql)
    {
        var text = sql.TrimStart();
        var words = text.Split([' ', '\n', '\r', '\t'], 4, StringSplitOptions.RemoveEmptyEntries);
        var statements = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
        var kind = words.Length == 0 ? "?" : words[0].ToUpperInvariant();
        var detail = kind switch
        {
            "INSERT" when words.Length > 2 => " " + words[2].Replace("\"", "", StringComparison.Ordinal),
            "UPDATE" when words.Length > 1 => " " + words[1].Replace("\"", "", StringComparison.Ordinal),
            "SELECT" when words.Length > 1 && words[1].StartsWith("pg_", StringComparison.Ordinal) => " " + words[1].Split('(')[0],
            "SELECT" => FirstTable(text),
            _ => "",
        };
        return statements > 1 ? $"{kind}{detail} +{statements - 1} batched" : kind + detail;
    }

    /// <summary>The first table a SELECT reads (" FROM schema.table"), so that the diagnosis tells one read from another.</summary>
    private static string FirstTable(string text)
    {
        var from = text.IndexOf(" FROM ", StringComparison.OrdinalIgnoreCase);
        if (from < 0)
        {
            return "";
        }

        var rest = text[(from + 6)..].TrimStart();
        var end = rest.IndexOfAny([' ', '\n', '\r', '\t', ')']);
        return " " + (end < 0 ? rest : rest[..end]).Replace("\"", "", StringComparison.Ordinal);
    }
}