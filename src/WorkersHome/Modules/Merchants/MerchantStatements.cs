using System.Text.Json.Serialization;

using Microsoft.EntityFrameworkCore;

using MiniExcelLibs;

using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Files;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Merchants;

public enum StatementPeriod
{
    Day,
    Month,
}

/// <summary>One merchant's redemptions in one period; the count travels as "sales", as it always has.</summary>
public sealed record StatementRow(string Period, long MerchantId, string Merchant, [property: JsonPropertyName("sales")] int Redemptions, decimal Amount,
    decimal Discount);

public sealed record Statement(StatementPeriod Period, DateOnly From, DateOnly To, IReadOnlyList<StatementRow> Rows, [property: JsonPropertyName("sales")] int Redemptions,
    decimal Amount, decimal Discount);

/// <summary>
/// Redemptions (sales with member discounts) per merchant and per day or month (China business days): for a till its own
/// merchant, for a union administrator every merchant onboarded in the subtree.
/// </summary>
public sealed class MerchantStatements(AppDbContext db, TimeProvider clock)
{
    public const int MaxDays = 366;
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <param name="merchantId">A till's own merchant (scope ignored, the merchant is the scope); null for a union's whole subtree.</param>
    public async Task<Statement> BuildAsync(StatementPeriod period, DateOnly? from, DateOnly? to, long? merchantId, CancellationToken ct)
    {
        var today = clock.Today();
        var end = to ?? today;
        var start = from ?? new DateOnly(end.Year, end.Month, 1);
        if (start > end || end.DayNumber - start.DayNumber >= MaxDays)
        {
            new FieldErrors().Add("from", $"起止日期有误（不超过 {MaxDays} 天）", $"Check the dates (at most {MaxDays} days)").ThrowIfAny();
        }

        var sales = merchantId is { } own ? db.Redemptions.IgnoreQueryFilters().Where(r => r.MerchantId == own) : db.Redemptions;
        sales = sales.Where(r => r.Day >= start && r.Day <= end);
        var grouped = period == StatementPeriod.Day
            ? await sales.GroupBy(r => new { r.MerchantId, r.Day })
                .Select(g => new { g.Key.MerchantId, g.Key.Day.Year, g.Key.Day.Month, Day = g.Key.Day.Day, Redemptions = g.Count(), Amount = g.Sum(r => r.SaleAmount), Discount = g.Sum(r => r.Discount) })
                .ToListAsync(ct)
            : await sales.GroupBy(r => new { r.MerchantId, r.Day.Year, r.Day.Month })
                .Select(g => new { g.Key.MerchantId, g.Key.Year, g.Key.Month, Day = 0, Redemptions = g.Count(), Amount = g.Sum(r => r.SaleAmount), Discount = g.Sum(r => r.Discount) })
                .ToListAsync(ct);
        var ids = grouped.Select(g => g.MerchantId).Distinct().ToList();
        var names = await db.Merchants.IgnoreQueryFilters().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var rows = grouped
            .Select(g => new StatementRow(
                period == StatementPeriod.Day ? $"{g.Year:D4}-{g.Month:D2}-{g.Day:D2}" : $"{g.Year:D4}-{g.Month:D2}",
                g.MerchantId, names.GetValueOrDefault(g.MerchantId, ""), g.Redemptions, g.Amount, g.Discount))
            .OrderBy(r => r.Period, StringComparer.Ordinal).ThenBy(r => r.Merchant, StringComparer.Ordinal).ToList();
        return new Statement(period, start, end, rows, rows.Sum(r => r.Redemptions), rows.Sum(r => r.Amount), rows.Sum(r => r.Discount));
    }

    public static byte[] Xlsx(Statement statement)
    {
        var rows = statement.Rows.Select(r => new Dictionary<string, object>
        {
            [Loc.T("期间", "Period")] = r.Period,
            [Loc.T("商户", "Merchant")] = SpreadsheetCells.Safe(r.Merchant),
            [Loc.T("笔数", "Sales")] = r.Redemptions,
            [Loc.T("消费金额（元）", "Amount (yuan)")] = r.Amount,
            [Loc.T("优惠金额（元）", "Discount (yuan)")] = r.Discount,
        }).ToList();
        rows.Add(new Dictionary<string, object>
        {
            [Loc.T("期间", "Period")] = Loc.T("合计", "Total"),
            [Loc.T("商户", "Merchant")] = "",
            [Loc.T("笔数", "Sales")] = statement.Redemptions,
            [Loc.T("消费金额（元）", "Amount (yuan)")] = statement.Amount,
            [Loc.T("优惠金额（元）", "Discount (yuan)")] = statement.Discount,
        });
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows, sheetName: Loc.T("普惠商户对账单", "Merchant statement"));
        return stream.ToArray();
    }
}