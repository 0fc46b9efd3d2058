using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.BrowseTree;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Persistence.OrgOwnership;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Organizations.ManageUnions;

/// <summary>Moves a unit and its whole subtree under another parent; paths, depths and rollups follow.</summary>
public sealed class MoveUnit(AppDbContext db, OrgRollups rollups, OrgChangeLog changes, CurrentCadre cadre, TimeProvider clock, OrgPathIndex index,
    IEnumerable<IOrgTreeChangeHandler> followers, OrgOwnedRows ownedRows)
{
    public async Task<OrgUnit> ExecuteAsync(long id, long newParentId, int expectedVersion, CancellationToken ct = default)
    {
        var unit = await db.OrgUnits.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException();
        var target = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Id == newParentId, ct);
        var errors = new FieldErrors();
        if (target is null)
        {
            errors.Add("NewParentId", "目标上级不存在或不在您的管辖范围内", "The new parent does not exist or is outside your part of the tree");
        }
        else
        {
            var decision = MoveRules.Check(unit, target, cadre.OrgId);
            if (decision is not null)
            {
                errors.Add("NewParentId", decision.Value.Zh, decision.Value.En);
            }
        }

        errors.ThrowIfAny();
        if (unit.Version != expectedVersion)
        {
            throw new DbUpdateConcurrencyException(ProblemResults.StaleMessage);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var oldPath = unit.Path;
        var newPath = OrgUnit.ChildPath(target!.Path, unit.Code);
        var depthDelta = target.Depth + 1 - unit.Depth;
        var oldParentName = await db.OrgUnits.IgnoreQueryFilters().Where(o => o.Id == unit.ParentId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        var moved = await db.OrgRollups.AsNoTracking().FirstAsync(r => r.OrgId == unit.Id, ct);
        var units = moved.SubUnits + (unit.Status == OrgStatus.Active ? 1 : 0);
        var grassroots = moved.GrassrootsUnions + (unit.IsGrassroots && unit.Status == OrgStatus.Active ? 1 : 0);

        await rollups.AddToAncestorsAsync(oldPath, -units, -grassroots, -moved.Members, ct);
        db.Entry(unit).Property(o => o.Version).OriginalValue = expectedVersion;
        unit.ParentId = target.Id;
        unit.Version++;
        unit.UpdatedAt = clock.GetUtcNow();
        changes.Record(unit, OrgHistoryKind.Moved, $"由 {oldParentName} 调整至 {target.Name}",
            auditDetail: new { unit.Code, from = oldPath, to = newPath });
        await db.SaveChangesAsync(ct);
        var oldLength = oldPath.Length;
        await db.OrgUnits.Where(o => o.Path.StartsWith(oldPath)).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Path, o => newPath + o.Path.Substring(oldLength))
            .SetProperty(o => o.Depth, o => o.Depth + depthDelta), ct);
        await rollups.AddToAncestorsAsync(newPath, units, grassroots, moved.Members, ct);
        foreach (var follower in followers)
        {
            await follower.OnSubtreeMovedAsync(oldPath, newPath, ct);
        }

        await ownedRows.MoveSubtreeAsync(oldPath, newPath, ct);

        if (db.IsPostgres)
        {
            // Delivered to every instance's path index when (and only if) the move commits.
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_notify('{OrgPathIndexSync.Channel}', '')", ct);
        }

        await transaction.CommitAsync(ct);
        index.Invalidate();
        await db.Entry(unit).ReloadAsync(ct);
        return unit;
    }
}

public static class MoveRules
{
    /// <summary>Why a move is refused, or null when it is allowed.</summary>
    public static LocalizedText? Check(OrgUnit unit, OrgUnit target, long cadreOrgId)
    {
        if (unit.Id == cadreOrgId)
        {
            return new("不能调整您本级组织的隶属关系", "You cannot move your own organisation");
        }

        if (unit.Level <= OrgLevel.Province)
        {
            return new("省级及以上工会不能调整隶属关系", "Province-level unions cannot be moved");
        }

        if (target.Path.StartsWith(unit.Path, StringComparison.Ordinal))
        {
            return new("不能调整到自身或其下级组织之下", "A unit cannot move under itself or its own subtree");
        }

        if (target.Id == unit.ParentId)
        {
            return new("已经隶属于该组织", "It already belongs there");
        }

        if (target.Status != OrgStatus.Active)
        {
            return new("目标上级已合并或撤销", "The new parent was merged or dissolved");
        }

        if (target.Level >= unit.Level || target.Level == OrgLevel.Grassroots)
        {
            return new("目标上级的层级须高于被调整的组织", "The new parent must be at a higher level than the unit");
        }

        return null;
    }
}