using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Persistence;

namespace WorkersHome.Platform.Statistics;

/// <summary>
/// Gathers counter changes of a unit of work; <see cref="AppDbContext"/> writes them in the same transaction as the
/// change that caused them (its save flushes them), with upserts that add, so concurrent writers never lose a count.
/// </summary>
public sealed class TreeCounterWriter
{
    private readonly Dictionary<(string Code, string Metric, int Key), (long Count, long AmountFen)> _pending = [];

    public bool HasPending => _pending.Count > 0;

    /// <summary>Adds to the figure of every org named by the path (e.g. "/41/4101/410102/").</summary>
    public void Add(string path, string metric, int key, long count = 1, long amountFen = 0) =>
        AddToCodes(path.Split('/', StringSplitOptions.RemoveEmptyEntries), metric, key, count, amountFen);

    public void AddToCodes(IEnumerable<string> codes, string metric, int key, long count, long amountFen)
    {
        foreach (var code in codes)
        {
            var k = (code, metric, key);
            var (c, a) = _pending.GetValueOrDefault(k);
            _pending[k] = (c + count, a + amountFen);
        }
    }

    /// <summary>Moves a gauge from one key to another along the path (a card's status changed).</summary>
    public void Move(string path, string metric, int fromKey, int toKey)
    {
        if (fromKey != toKey)
        {
            Add(path, metric, fromKey, -1);
            Add(path, metric, toKey, 1);
        }
    }

    public void Clear() => _pending.Clear();

    public async Task FlushAsync(AppDbContext db, CancellationToken ct)
    {
        // Sorted, so that concurrent writers lock rows in the same order and cannot deadlock.
        var rows = _pending.Where(p => p.Value.Count != 0 || p.Value.AmountFen != 0)
            .OrderBy(p => p.Key.Code, StringComparer.Ordinal).ThenBy(p => p.Key.Metric, StringComparer.Ordinal).ThenBy(p => p.Key.Key).ToList();
        _pending.Clear();
        if (rows.Count == 0)
        {
            return;
        }

        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync(Upsert("platform.tree_counters",
                "SELECT * FROM unnest({0}::text[], {1}::text[], {2}::int[], {3}::bigint[], {4}::bigint[])"),
                [rows.Select(r => r.Key.Code).ToArray(), rows.Select(r => r.Key.Metric).ToArray(), rows.Select(r => r.Key.Key).ToArray(),
                    rows.Select(r => r.Value.Count).ToArray(), rows.Select(r => r.Value.AmountFen).ToArray()], ct);
            return;
        }

        foreach (var ((code, metric, key), (count, amountFen)) in rows)
        {
            await db.Database.ExecuteSqlRawAsync(Upsert("tree_counters", "VALUES ({0}, {1}, {2}, {3}, {4})"), [code, metric, key, count, amountFen], ct);
        }
    }

    // The table name is a constant of this class; values always travel as parameters.
    private static string Upsert(string table, string source) =>
        "INSERT INTO " + table + """
         AS t ("OrgCode", "Metric", "Key", "Count", "AmountFen")
        """ + "\n" + source + """

        ON CONFLICT ("OrgCode", "Metric", "Key") DO UPDATE SET "Count" = t."Count" + excluded."Count", "AmountFen" = t."AmountFen" + excluded."AmountFen"
        """;
}