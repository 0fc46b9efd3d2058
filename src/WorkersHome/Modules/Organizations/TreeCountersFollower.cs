using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Statistics;

namespace WorkersHome.Modules.Organizations;

/// <summary>
/// The service figures (<see cref="TreeCounter"/>) of a node that moves or merges leave the ancestors it leaves and
/// join the ones it joins, inside the change's transaction.
/// </summary>
public sealed class TreeCountersFollower(AppDbContext db) : IOrgTreeChangeHandler
{
    public Task OnSubtreeMovedAsync(string oldPath, string newPath, CancellationToken ct) =>
        CarryAsync(Codes(oldPath)[^1], Codes(oldPath)[..^1], Codes(newPath)[..^1], ct);

    /// <summary>The source union's own figures end with it and count for the target from now on.</summary>
    public Task OnUnionMergedAsync(long sourceId, string sourcePath, long targetId, string targetPath, CancellationToken ct) =>
        CarryAsync(Codes(sourcePath)[^1], Codes(sourcePath), Codes(targetPath), ct);

    private async Task CarryAsync(string code, string[] leaving, string[] joining, CancellationToken ct)
    {
        var rows = await db.Set<TreeCounter>().AsNoTracking().Where(c => c.OrgCode == code).ToListAsync(ct);
        foreach (var row in rows)
        {
            db.Counters.AddToCodes(leaving, row.Metric, row.Key, -row.Count, -row.AmountFen);
            db.Counters.AddToCodes(joining, row.Metric, row.Key, row.Count, row.AmountFen);
        }

        await db.Counters.FlushAsync(db, ct);
    }

    private static string[] Codes(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}