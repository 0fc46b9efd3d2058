using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Persistence.OrgOwnership;

namespace WorkersHome.Modules.Organizations.ManageUnions;

/// <summary>Merges a grassroots union into another: the source closes, its members' counts go to the target.</summary>
public sealed class MergeUnions(AppDbContext db, OrgRollups rollups, OrgChangeLog changes, TimeProvider clock,
    IEnumerable<IOrgTreeChangeHandler> followers, OrgOwnedRows ownedRows)
{
    public async Task<OrgUnit> ExecuteAsync(long sourceId, long targetId, int expectedVersion, CancellationToken ct = default)
    {
        var source = await db.OrgUnits.FirstOrDefaultAsync(o => o.Id == sourceId, ct) ?? throw new NotFoundException();
        var target = await db.OrgUnits.FirstOrDefaultAsync(o => o.Id == targetId, ct);
        var errors = new FieldErrors();
        if (target is null)
        {
            errors.Add("TargetId", "合并目标不存在或不在您的管辖范围内", "The target union does not exist or is outside your part of the tree");
        }
        else if (target.Id == source.Id)
        {
            errors.Add("TargetId", "不能与自身合并", "A union cannot merge into itself");
        }
        else if (!source.IsGrassroots || !target.IsGrassroots)
        {
            errors.Add("TargetId", "只有基层工会之间可以合并", "Only grassroots unions can be merged");
        }
        else if (source.Status != OrgStatus.Active || target.Status != OrgStatus.Active)
        {
            errors.Add("TargetId", "已合并或撤销的工会不能再合并", "Merged or dissolved unions cannot be merged");
        }

        errors.ThrowIfAny();
        if (source.Version != expectedVersion)
        {
            throw new DbUpdateConcurrencyException(ProblemResults.StaleMessage);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sourceRollup = await db.OrgRollups.FirstAsync(r => r.OrgId == source.Id, ct);
        var members = sourceRollup.Members;
        await rollups.AddToAncestorsAsync(source.Path, -1, -1, -members, ct);
        sourceRollup.Members = 0;
        await db.OrgRollups.Where(r => r.OrgId == target!.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Members, r => r.Members + members), ct);
        await rollups.AddToAncestorsAsync(target!.Path, 0, 0, members, ct);
        foreach (var follower in followers)
        {
            await follower.OnUnionMergedAsync(source.Id, source.Path, target.Id, target.Path, ct);
        }

        await ownedRows.MergeUnionAsync(source.Path, target.Id, target.Path, ct);

        db.Entry(source).Property(o => o.Version).OriginalValue = expectedVersion;
        source.Status = OrgStatus.Merged;
        source.MergedIntoId = target.Id;
        source.Version++;
        source.UpdatedAt = clock.GetUtcNow();
        target.Version++;
        changes.Record(source, OrgHistoryKind.Merged, $"并入 {target.Name}", new { source.Code, into = target.Code });
        changes.Record(target, OrgHistoryKind.Absorbed, $"{source.Name} 并入本工会", new { target.Code, absorbed = source.Code });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return source;
    }
}

/// <summary>Dissolves a grassroots union that no longer has members.</summary>
public sealed class DissolveUnion(AppDbContext db, OrgRollups rollups, OrgChangeLog changes, TimeProvider clock)
{
    public async Task<OrgUnit> ExecuteAsync(long id, int expectedVersion, string? reason, CancellationToken ct = default)
    {
        var unit = await db.OrgUnits.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException();
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("Reason", "请填写撤销原因", "Give the reason for dissolving");
        }

        errors.ThrowIfAny();
        if (!unit.IsGrassroots || unit.Status != OrgStatus.Active)
        {
            throw new ConflictException(Loc.T("只能撤销正常状态的基层工会", "Only active grassroots unions can be dissolved"));
        }

        if (unit.Version != expectedVersion)
        {
            throw new DbUpdateConcurrencyException(ProblemResults.StaleMessage);
        }

        var rollup = await db.OrgRollups.AsNoTracking().FirstAsync(r => r.OrgId == unit.Id, ct);
        if (rollup.Members > 0)
        {
            throw new ConflictException(Loc.T($"该工会还有 {rollup.Members} 名会员，请先办理会籍转接", $"The union still has {rollup.Members} members; transfer them first"));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await rollups.AddToAncestorsAsync(unit.Path, -1, -1, 0, ct);
        db.Entry(unit).Property(o => o.Version).OriginalValue = expectedVersion;
        unit.Status = OrgStatus.Dissolved;
        unit.Version++;
        unit.UpdatedAt = clock.GetUtcNow();
        changes.Record(unit, OrgHistoryKind.Dissolved, "撤销：" + reason!.Trim(), new { unit.Code, reason });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return unit;
    }
}