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

    public static IEnumerable<string> CodesOf(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Queues a contribution for every org named by <paramref name="path"/>; <see cref="FlushAsync"/> writes them.</summary>
    public void Add(string path, Contribution c)
    {
        if (c.IsZero)
        {
            return;
        }

        foreach (var code in CodesOf(path))
        {
            AddToCode(code, c);
        }
    }

    public void AddToCode(string code, Contribution c)
    {
        if (!_pending.TryGetValue(code, out var totals))
        {
            _pending[code] = totals = new Totals();
        }

        int[] values = [c.Active, c.Retained, c.FullTime, c.Dispatched, c.PartTime, c.Flexible, c.Migrant];
        for (var i = 0; i < values.Length; i++)
        {
            totals.Values[i] += values[i];
        }

        if (c.Joined != 0)
        {
            totals.Joined[c.JoinYear] = totals.Joined.GetValueOrDefault(c.JoinYear) + c.Joined;
        }
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        var (statsSql, joinsSql) = db.IsPostgres ? (UpsertStats("members.stats"), UpsertJoins("members.join_stats")) : (UpsertStats("stats"), UpsertJoins("join_stats"));
        foreach (var (code, totals) in _pending)
        {
            if (totals.Values.Any(v => v != 0))
            {
                await db.Database.ExecuteSqlRawAsync(statsSql, [code, .. totals.Values.Cast<object>()], ct);
            }

            foreach (var (year, joined) in totals.Joined.Where(j => j.Value != 0))
            {
                await db.Database.ExecuteSqlRawAsync(joinsSql, [code, year, joined], ct);
            }
        }

        _pending.Clear();
    }

    // Table names are constants of this class; values always travel as parameters.
    private static string UpsertStats(string table) =>
        "INSERT INTO " + table + """
         AS t ("OrgCode", "Active", "Retained", "FullTime", "Dispatched", "PartTime", "Flexible", "Migrant")
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7})
        ON CONFLICT ("OrgCode") DO UPDATE SET "Active" = t."Active" + excluded."Active", "Retained" = t."Retained" + excluded."Retained",
            "FullTime" = t."FullTime" + excluded."FullTime", "Dispatched" = t."Dispatched" + excluded."Dispatched",
            "PartTime" = t."PartTime" + excluded."PartTime", "Flexible" = t."Flexible" + excluded."Flexible", "Migrant" = t."Migrant" + excluded."Migrant"
        """;

    private static string UpsertJoins(string table) =>
        "INSERT INTO " + table + """
         AS t ("OrgCode", "Year", "Joined") VALUES ({0}, {1}, {2})
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