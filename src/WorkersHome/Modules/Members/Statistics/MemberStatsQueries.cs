using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Members.Statistics;

public sealed record MemberFigures(int Active, int Retained, int FullTime, int Dispatched, int PartTime, int GigWorkers, int MigrantWorkers, int NewThisYear);

/// <summary>The figures a node shows for its whole subtree: two primary-key reads, no scan of members.</summary>
public sealed class MemberStatsQueries(AppDbContext db, IOrgDirectory orgs, TimeProvider clock)
{
    public async Task<MemberFigures> ForOrgAsync(long orgId, CancellationToken ct = default)
    {
        var org = await orgs.FindInScopeAsync(orgId, ct) ?? throw new NotFoundException();
        var code = MemberStatsWriter.CodesOf(org.Path).Last();
        var year = clock.Today().Year;
        var s = await db.Set<MemberStats>().AsNoTracking().FirstOrDefaultAsync(x => x.OrgCode == code, ct) ?? new MemberStats();
        var joined = await db.Set<MemberJoinStats>().AsNoTracking().Where(x => x.OrgCode == code && x.Year == year).Select(x => x.Joined).FirstOrDefaultAsync(ct);
        return new MemberFigures(s.Active, s.Retained, s.FullTime, s.Dispatched, s.PartTime, s.Flexible, s.Migrant, joined);
    }

    /// <summary>Recounts every row from the member records; returns how many rows differed.</summary>
    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        var fresh = new Dictionary<string, MemberStats>(StringComparer.Ordinal);
        var freshJoins = new Dictionary<(string, int), int>();
        await foreach (var m in db.Members.IgnoreQueryFilters().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            var c = Contribution.Of(m);
            if (c.IsZero)
            {
                continue;
            }

            foreach (var code in MemberStatsWriter.CodesOf(m.OrgPath))
            {
                if (!fresh.TryGetValue(code, out var row))
                {
                    fresh[code] = row = new MemberStats { OrgCode = code };
                }

                row.Active += c.Active;
                row.Retained += c.Retained;
                row.FullTime += c.FullTime;
                row.Dispatched += c.Dispatched;
                row.PartTime += c.PartTime;
                row.Flexible += c.Flexible;
                row.Migrant += c.Migrant;
                freshJoins[(code, c.JoinYear)] = freshJoins.GetValueOrDefault((code, c.JoinYear)) + 1;
            }
        }

        var differences = 0;
        var stored = await db.Set<MemberStats>().ToDictionaryAsync(s => s.OrgCode, ct);
        foreach (var (code, row) in fresh)
        {
            if (!stored.Remove(code, out var have))
            {
                db.Add(row);
                differences++;
            }
            else if ((have.Active, have.Retained, have.FullTime, have.Dispatched, have.PartTime, have.Flexible, have.Migrant)
                     != (row.Active, row.Retained, row.FullTime, row.Dispatched, row.PartTime, row.Flexible, row.Migrant))
            {
                db.Entry(have).CurrentValues.SetValues(row);
                differences++;
            }
        }

        foreach (var stale in stored.Values.Where(s => s.Active + s.Retained != 0))
        {
            db.Entry(stale).CurrentValues.SetValues(new MemberStats { OrgCode = stale.OrgCode });
            differences++;
        }

        var storedJoins = await db.Set<MemberJoinStats>().ToDictionaryAsync(s => (s.OrgCode, s.Year), ct);
        foreach (var (key, joined) in freshJoins)
        {
            if (!storedJoins.Remove(key, out var have))
            {
                db.Add(new MemberJoinStats { OrgCode = key.Item1, Year = key.Item2, Joined = joined });
                differences++;
            }
            else if (have.Joined != joined)
            {
                have.Joined = joined;
                differences++;
            }
        }

        foreach (var stale in storedJoins.Values.Where(s => s.Joined != 0))
        {
            stale.Joined = 0;
            differences++;
        }

        await db.SaveChangesAsync(ct);
        return differences;
    }
}