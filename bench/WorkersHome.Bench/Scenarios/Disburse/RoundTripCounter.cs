using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkersHome.Bench.Scenarios.Disburse;

/// <summary>
/// For --diagnose: counts the commands every EF context of the worker sends (through EF's diagnostic events, so the
/// app's composition is unchanged), by their first word and table, and the commits. Subscribing makes EF build its
/// event data, which costs a little: the timed figures of a diagnosed run are not the benchmark's. What the app sends
/// with Npgsql directly (the audit chain's lock-and-read batch, one round trip per audited save) is not seen here.
/// </summary>
internal sealed partial class RoundTripCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentDictionary<string, long> _kinds = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;

    public RoundTripCounter() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    public string Describe(long batches, long payments)
    {
        var total = _kinds.Where(k => !k.Key.StartsWith('(')).Sum(k => k.Value);
        return string.Create(CultureInfo.InvariantCulture, $"{(double)total / batches:F1} round trips per batch (both requests), {(double)total * 1000 / payments:F1} per 1,000 payments: ") +
            string.Join(", ", _kinds.OrderByDescending(k => k.Value).Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} {(double)k.Value / batches:F2}")));
    }

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
        switch (value.Value)
        {
            case CommandExecutedEventData executed:
                _kinds.AddOrUpdate(Kind(executed.Command.CommandText), 1, (_, n) => n + 1);
                break;
            case TransactionEventData when value.Key.EndsWith("CreatedTransactionSavepoint", StringComparison.Ordinal):
                // Npgsql sends SAVEPOINT with the next command: not a round trip of its own.
                _kinds.AddOrUpdate("(savepoints, sent with the next command)", 1, (_, n) => n + 1);
                break;
            case TransactionEventData when value.Key.EndsWith("ReleasedTransactionSavepoint", StringComparison.Ordinal):
                _kinds.AddOrUpdate("RELEASE SAVEPOINT", 1, (_, n) => n + 1);
                break;
            case TransactionEndEventData when value.Key.EndsWith("TransactionCommitted", StringComparison.Ordinal):
                _kinds.AddOrUpdate("COMMIT", 1, (_, n) => n + 1);
                break;
            case SaveChangesCompletedEventData saved:
                _kinds.AddOrUpdate("(entity rows saved)", saved.EntitiesSavedCount, (_, n) => n + saved.EntitiesSavedCount);
                break;
        }
    }

    /// <summary>"UPDATE payments", "SELECT payment_batches", "INSERT fund_entries (batch)" (a batch of statements is one round trip).</summary>
    private static string Kind(string sql)
    {
        var text = sql.TrimStart();
        if (text.Contains("pg_advisory_xact_lock", StringComparison.Ordinal))
        {
            return "SELECT pg_advisory_xact_lock";
        }

        var verb = text.Split(' ', 2)[0].ToUpperInvariant();
        var table = Table().Match(text) is { Success: true } m ? m.Groups[1].Value : "";
        var statements = text.Split(';', StringSplitOptions.RemoveEmptyEntries).Count(s => s.Trim().Length > 0);
        return statements > 1 ? $"{verb} {table} (batch of {statements})" : $"{verb} {table}";
    }

    [System.Text.RegularExpressions.GeneratedRegex("""(?:FROM|UPDATE|INTO)\s+"?\w+"?\."?(\w+)"?""")]
    private static partial System.Text.RegularExpressions.Regex Table();

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }

        _all.Dispose();
    }
}