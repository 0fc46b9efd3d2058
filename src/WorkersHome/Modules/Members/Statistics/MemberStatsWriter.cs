using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Members.Statistics;

/// <summary>
/// Adds member contributions to the stats rows of every org on each member's path, inside the caller's
/// transaction, with upserts (INSERT … ON CONFLICT DO UPDATE on both PostgreSQL and SQLite) so that
/// concurrent writers never lose a count.
/// </summary>
public sealed class MemberStatsWriter(AppDbContext db)
{
    private sealed class Totals
    {
        public int[] Values { get; } = new int[7];

        public Dictionary<int, int> Joined { get; } = [];
    }

    private readonly Dictionary<string, Totals> _pending = new(StringComparer.Ordinal);

    // Contributions gathered by member path first: an import adds many members to each union, and spreading
    // each one over every ancestor would cost a split path and several lookups per member.
    private readonly Dictionary<string, Totals> _pendingPaths = new(StringComparer.Ordinal);

    public static IEnumerable<string> CodesOf(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Queues a contribution for every org named by <paramref name="path"/>; <see cref="FlushAsync"/> writes them.</summary>
    public void Add(string path, Contribution c)
    {
        if (c.IsZero)
        {
            return;
        }

        if (!_pendingPaths.TryGetValue(path, out var totals))
        {
            _pendingPaths[path] = totals = new Totals();
        }

        AddTo(totals, c);
    }

    public void AddToCode(string code, Contribution c)
    {
        if (!_pending.TryGetValue(code, out var totals))
        {
            _pending[code] = totals = new Totals();
        }

        AddTo(totals, c);
    }

    private static void AddTo(Totals totals, Contribution c)
    {
        var values = totals.Values;
        values[0] += c.Active;
        values[1] += c.Retained;
        values[2] += c.FullTime;
        values[3] += c.Dispatched;
        values[4] += c.PartTime;
        values[5] += c.Flexible;
        values[6] += c.Migrant;
        if (c.Joined != 0)
        {
            totals.Joined[c.JoinYear] = totals.Joined.GetValueOrDefault(c.JoinYear) + c.Joined;
        }
    }

    /// <summary>Spreads the per-path totals over every org on each path.</summary>
    private void SpreadPaths()
    {
        foreach (var (path, totals) in _pendingPaths)
        {
            foreach (var code in CodesOf(path))
            {
                if (!_pending.TryGetValue(code, out var target))
                {
                    _pending[code] = target = new Totals();
                }

                for (var i = 0; i < totals.Values.Length; i++)
                {
                    target.Values[i] += totals.Values[i];
                }

                foreach (var (year, joined) in totals.Joined)
                {
                    target.Joined[year] = target.Joined.GetValueOrDefault(year) + joined;
                }
            }
        }

        _pendingPaths.Clear();
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        SpreadPaths();
        if (db.IsPostgres)
        {
            await FlushSetBasedAsync(ct);
            _pending.Clear();
            return;
        }

        foreach (var (code, totals) in _pending)
        {
            if (totals.Values.Any(v => v != 0))
            {
                await db.Database.ExecuteSqlRawAsync(UpsertStats("stats", "VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7})"), [code, .. totals.Values.Cast<object>()], ct);
            }

            foreach (var (year, joined) in totals.Joined.Where(j => j.Value != 0))
            {
                await db.Database.ExecuteSqlRawAsync(UpsertJoins("join_stats", "VALUES ({0}, {1}, {2})"), [code, year, joined], ct);
            }
        }

        _pending.Clear();
    }

    /// <summary>PostgreSQL: every org's totals in one statement and every join year in another (unnest of arrays).</summary>
    private async Task FlushSetBasedAsync(CancellationToken ct)
    {
        // Sorted, so that concurrent writers lock rows in the same order and cannot deadlock.
        var rows = _pending.Where(p => p.Value.Values.Any(v => v != 0)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        if (rows.Count > 0)
        {
            object[] columns = [rows.Select(r => r.Key).ToArray(), .. Enumerable.Range(0, 7).Select(i => rows.Select(r => r.Value.Values[i]).ToArray())];
            await db.Database.ExecuteSqlRawAsync(UpsertStats("members.stats",
                "SELECT * FROM unnest({0}::text[], {1}::int[], {2}::int[], {3}::int[], {4}::int[], {5}::int[], {6}::int[], {7}::int[])"), columns, ct);
        }

        var joins = _pending.SelectMany(p => p.Value.Joined.Where(j => j.Value != 0).Select(j => (Code: p.Key, Year: j.Key, Joined: j.Value)))
            .OrderBy(j => j.Code, StringComparer.Ordinal).ThenBy(j => j.Year).ToList();
        if (joins.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(UpsertJoins("members.join_stats", "SELECT * FROM unnest({0}::text[], {1}::int[], {2}::int[])"),
                [joins.Select(j => j.Code).ToArray(), joins.Select(j => j.Year).ToArray(), joins.Select(j => j.Joined).ToArray()], ct);
        }
    }

    // Table names are constants of this class; values always travel as parameters.
    private static string UpsertStats(string table, string source) =>
        "INSERT INTO " + table + """
         AS t ("OrgCode", "Active", "Retained", "FullTime", "Dispatched", "PartTime", "Flexible", "Migrant")
        """ + "\n" + source + """

        ON CONFLICT ("OrgCode") DO UPDATE SET "Active" = t."Active" + excluded."Active", "Retained" = t."Retained" + excluded."Retained",
            "FullTime" = t."FullTime" + excluded."FullTime", "Dispatched" = t."Dispatched" + excluded."Dispatched",
            "PartTime" = t."PartTime" + excluded."PartTime", "Flexible" = t."Flexible" + excluded."Flexible", "Migrant" = t."Migrant" + excluded."Migrant"
        """;

    private static string UpsertJoins(string table, string source) =>
        "INSERT INTO " + table + """
         AS t ("OrgCode", "Year", "Joined")
        """ + "\n" + source + """

        ON CONFLICT ("OrgCode", "Year") DO UPDATE SET "Joined" = t."Joined" + excluded."Joined"
        """;

    /// <summary>A subtree left one parent for another: its totals leave the old ancestors and join the new ones.</summary>
    public async Task MoveSubtreeAsync(string oldPath, string newPath, CancellationToken ct)
    {
        var code = CodesOf(oldPath).Last();
        var row = await db.Set<MemberStats>().AsNoTracking().FirstOrDefaultAsync(s => s.OrgCode == code, ct);
        var years = await db.Set<MemberJoinStats>().AsNoTracking().Where(s => s.OrgCode == code).ToListAsync(ct);
        var oldAncestors = CodesOf(oldPath).SkipLast(1).ToList();
        var newAncestors = CodesOf(newPath).SkipLast(1).ToList();
        foreach (var (ancestors, sign) in new[] { (oldAncestors, -1), (newAncestors, 1) })
        {
            foreach (var ancestor in ancestors)
            {
                if (row is not null)
                {
                    AddToCode(ancestor, new Contribution(sign * row.Active, sign * row.Retained, sign * row.FullTime, sign * row.Dispatched,
                        sign * row.PartTime, sign * row.Flexible, sign * row.Migrant, 0, 0));
                }

                foreach (var year in years)
                {
                    AddToCode(ancestor, new Contribution(0, 0, 0, 0, 0, 0, 0, year.Year, sign * year.Joined));
                }
            }
        }

        await FlushAsync(ct);
    }
}