using System.Security.Cryptography;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Organizations.ManageUnions;

public sealed class CreateUnion(AppDbContext db, OrgRollups rollups, OrgChangeLog changes, TimeProvider clock)
{
    public async Task<OrgUnit> ExecuteAsync(long parentId, UnionInput input, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        input.Validate(DateOnly.FromDateTime(now.UtcDateTime));
        var parent = await db.OrgUnits.FirstOrDefaultAsync(o => o.Id == parentId, ct) ?? throw new NotFoundException();
        if (parent.Level == OrgLevel.Grassroots || parent.Status != OrgStatus.Active)
        {
            new FieldErrors().Add("ParentId", "基层工会只能建在乡镇(街道)及以上的工会之下", "A grassroots union must sit under a township-level or higher union").ThrowIfAny();
        }

        await UnionRules.EnsureCreditCodeFreeAsync(db, input.CreditCode, exceptId: null, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var code = await NewCodeAsync(ct);
        var unit = new OrgUnit
        {
            Code = code,
            Level = OrgLevel.Grassroots,
            ParentId = parent.Id,
            Path = OrgUnit.ChildPath(parent.Path, code),
            Depth = parent.Depth + 1,
            Status = OrgStatus.Active,
            CreatedAt = now,
            UpdatedAt = now,
        };
        input.ApplyTo(unit);
        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync(ct);
        db.OrgRollups.Add(new OrgRollup { OrgId = unit.Id });
        changes.Record(unit, OrgHistoryKind.Created, $"成立于 {parent.Name}", auditDetail: new { unit.Code, unit.Name, parent = parent.Code });
        await db.SaveChangesAsync(ct);
        await rollups.AddToAncestorsAsync(unit.Path, units: 1, grassroots: 1, members: 0, ct);
        await transaction.CommitAsync(ct);
        return unit;
    }

    private async Task<string> NewCodeAsync(CancellationToken ct)
    {
        while (true)
        {
            var code = "J" + RandomNumberGenerator.GetInt32(0, 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            if (!await db.OrgUnits.IgnoreQueryFilters().AnyAsync(o => o.Code == code, ct))
            {
                return code;
            }
        }
    }
}

internal static class UnionRules
{
    public static async Task EnsureCreditCodeFreeAsync(AppDbContext db, string? creditCode, long? exceptId, CancellationToken ct)
    {
        var code = creditCode?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code))
        {
            return;
        }

        // Looks across the whole tree (one employer, one union) but names no union outside the scope.
        var taken = await db.OrgUnits.IgnoreQueryFilters()
            .AnyAsync(o => o.CreditCode == code && o.Status == OrgStatus.Active && o.Id != exceptId, ct);
        if (taken)
        {
            new FieldErrors().Add(nameof(UnionInput.CreditCode), "该统一社会信用代码已有工会组织", "A union already exists for this credit code").ThrowIfAny();
        }
    }
}