using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Organizations.ManageUnions;

public sealed class EditUnion(AppDbContext db, OrgChangeLog changes, TimeProvider clock)
{
    /// <param name="expectedVersion">The version the editor saw; a newer one in the database means a 409.</param>
    public async Task<OrgUnit> ExecuteAsync(long id, int expectedVersion, UnionInput input, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var unit = await db.OrgUnits.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException();
        if (!unit.IsGrassroots)
        {
            throw new ConflictException(Platform.Localization.Loc.T("只能在此编辑基层工会", "Only grassroots unions are edited here"));
        }

        if (unit.Status != OrgStatus.Active)
        {
            throw new ConflictException(Platform.Localization.Loc.T("该工会已合并或撤销，不能再修改", "This union was merged or dissolved and cannot be changed"));
        }

        input.Validate(DateOnly.FromDateTime(now.UtcDateTime));
        await UnionRules.EnsureCreditCodeFreeAsync(db, input.CreditCode, unit.Id, ct);
        db.Entry(unit).Property(o => o.Version).OriginalValue = expectedVersion;
        var before = UnionInput.From(unit);
        input.ApplyTo(unit);
        var after = UnionInput.From(unit);
        unit.Version = expectedVersion + 1;
        unit.UpdatedAt = now;
        changes.Record(unit, OrgHistoryKind.Edited, Describe(before, after), auditDetail: new { unit.Code, before, after });
        await db.SaveChangesAsync(ct);
        return unit;
    }

    private static string Describe(UnionInput before, UnionInput after)
    {
        var changed = new List<string>();
        void Compare<T>(string label, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
            {
                changed.Add(label);
            }
        }

        Compare("名称", before.Name, after.Name);
        Compare("类型", before.UnionType, after.UnionType);
        Compare("单位", before.EmployerName, after.EmployerName);
        Compare("信用代码", before.CreditCode, after.CreditCode);
        Compare("地址", before.Address, after.Address);
        Compare("成立日期", before.FoundedOn, after.FoundedOn);
        Compare("主席", before.ChairName, after.ChairName);
        Compare("联系人", before.ContactName, after.ContactName);
        Compare("电话", before.ContactPhone, after.ContactPhone);
        return changed.Count == 0 ? "未改动" : "修改了" + string.Join("、", changed);
    }
}