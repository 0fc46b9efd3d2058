using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Cards;

/// <summary>Cards copy their member's union path for scope; they follow moves and merges as members do.</summary>
public sealed class CardsTreeFollower(AppDbContext db) : IOrgTreeChangeHandler
{
    public async Task OnSubtreeMovedAsync(string oldPath, string newPath, CancellationToken ct)
    {
        var oldLength = oldPath.Length;
        await db.MemberCards.IgnoreQueryFilters().Where(c => c.OrgPath.StartsWith(oldPath))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.OrgPath, c => newPath + c.OrgPath.Substring(oldLength)), ct);
    }

    public async Task OnUnionMergedAsync(long sourceId, string sourcePath, long targetId, string targetPath, CancellationToken ct) =>
        await db.MemberCards.IgnoreQueryFilters().Where(c => c.OrgPath == sourcePath)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.OrgId, targetId).SetProperty(c => c.OrgPath, targetPath), ct);
}