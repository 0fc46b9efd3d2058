using Microsoft.EntityFrameworkCore;

using MiniExcelLibs;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Files;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Archive;

/// <summary>
/// The standard ledger (台账) of a node's subtree as an .xlsx sheet: one row per household. The household's health and
/// income appear only for cadres allowed to see them; others get "***". Every export is audited.
/// </summary>
public sealed class HardshipLedger(AppDbContext db, HardshipQueries queries, HardshipDetailsCipher cipher, IOrgDirectory orgs, AuditTrail audit, CurrentCadre cadre)
{
    public const int MaxRows = 100_000;
    private const string Hidden = "***";

    public async Task<byte[]> XlsxAsync(HardshipFilter filter, CancellationToken ct)
    {
        var sensitive = cadre.Has(AssistancePermissions.Sensitive);
        var files = await queries.Filtered(filter).OrderBy(f => f.OrgPath).ThenBy(f => f.MemberName).Take(MaxRows).ToListAsync(ct);
        var names = await orgs.PublicNamesAsync(files.Select(f => f.OrgId).Distinct(), ct);
        var rows = files.Select((f, i) =>
        {
            var details = sensitive ? cipher.Read(f) : null;
            return new Dictionary<string, object?>
            {
                [Loc.T("序号", "No.")] = i + 1,
                [Loc.T("姓名", "Name")] = SpreadsheetCells.Safe(f.MemberName),
                [Loc.T("证件号码", "ID number")] = f.IdMasked,
                [Loc.T("所在工会", "Union")] = SpreadsheetCells.Safe(names.GetValueOrDefault(f.OrgId, "")),
                [Loc.T("状态", "Status")] = HardshipFile.StatusLabel(f.Status).ToString(),
                [Loc.T("主要致困原因", "Primary cause")] = HardshipNames.Cause(f.PrimaryCause).ToString(),
                [Loc.T("致困原因", "Causes")] = HardshipNames.CauseList(f.Causes),
                [Loc.T("家庭人口", "Household")] = f.HouseholdSize,
                [Loc.T("住房情况", "Housing")] = HardshipNames.Housing(f.Housing).ToString(),
                [Loc.T("家庭月收入（元）", "Monthly income (yuan)")] = details is null ? Hidden : details.MonthlyIncome,
                [Loc.T("人均月收入（元）", "Per person (yuan)")] = details is null ? Hidden : details.PerCapitaIncome,
                [Loc.T("健康状况", "Health")] = details is null ? Hidden : SpreadsheetCells.Safe(string.Join("；", details.Household.Select(h => $"{h.Relation}{HardshipNames.Health(h.Health!.Value)}"))),
                [Loc.T("帮扶需求", "Needs")] = details is null ? Hidden : SpreadsheetCells.Safe(details.Needs),
                [Loc.T("建档日期", "Approved on")] = f.ApprovedOn?.ToString("yyyy-MM-dd") ?? "",
                [Loc.T("复核到期", "Review due")] = f.ReviewDueOn?.ToString("yyyy-MM-dd") ?? "",
                [Loc.T("脱困日期", "Left on")] = f.ExitedOn?.ToString("yyyy-MM-dd") ?? "",
            };
        }).ToList();
        audit.Record(HardshipAuditActions.LedgerExported, "hardship-ledger", null, cadre.OrgPath, new { rows = rows.Count, sensitive, filter.Status, filter.DueOnly });
        await db.SaveChangesAsync(ct);
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows, sheetName: Loc.T("困难职工台账", "Hardship ledger"));
        return stream.ToArray();
    }
}