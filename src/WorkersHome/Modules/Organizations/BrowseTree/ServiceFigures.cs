using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Cards.Contracts;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Statistics;

namespace WorkersHome.Modules.Organizations.BrowseTree;

public sealed record CardStatusCount(int Status, string Label, long Count);

/// <summary>The service work of a node's whole subtree in one year: joining online, transfers, cards and partner merchants.</summary>
public sealed record ServiceFigures(
    int Year,
    long ApplicationsReceived,
    long ApplicationsApproved,
    long ApplicationsRejected,
    long ApplicationsWithdrawn,
    double? MedianApprovalMinutes,
    long TransfersRequested,
    long TransfersIn,
    long TransfersOut,
    long TransfersRefused,
    IReadOnlyList<CardStatusCount> CardsByStatus,
    long Redemptions,
    decimal RedemptionSales,
    decimal RedemptionDiscounts)
{
    /// <summary>Members of the subtree whose membership counts but who hold no live card; the page adds it from the cards' figures.</summary>
    public long? CardsWithoutCard { get; init; }
}

/// <summary>Reads a node's figures from its own counter rows (no scan of applications, cards or sales).</summary>
public sealed class ServiceFiguresQueries(AppDbContext db, IOrgDirectory orgs, IEnumerable<ITreeCounterSource> sources, TimeProvider clock)
{
    public async Task<ServiceFigures> ForOrgAsync(long orgId, int? year, CancellationToken ct)
    {
        var org = await orgs.FindInScopeAsync(orgId, ct) ?? throw new NotFoundException();
        var y = year ?? clock.Today().Year;
        if (y is < 2000 or > 2100)
        {
            new FieldErrors().Add("year", "年份应在 2000–2100 之间", "The year must be between 2000 and 2100").ThrowIfAny();
        }

        foreach (var source in sources)
        {
            await source.CountNewAsync(ct);
        }

        var code = org.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];
        var (monthFrom, monthTo, bucketFrom, bucketTo) = (y * 100, y * 100 + 99, y * Metrics.HistogramYear, y * Metrics.HistogramYear + Metrics.MaxHistogramBucket);
        var rows = await db.Set<TreeCounter>().AsNoTracking()
            .Where(c => c.OrgCode == code && ((c.Metric == Metrics.CardsByStatus)
                || (c.Metric == Metrics.JoinApprovalMinutes && c.Key >= bucketFrom && c.Key <= bucketTo)
                || (c.Key >= monthFrom && c.Key <= monthTo)))
            .ToListAsync(ct);

        long Sum(string metric) => rows.Where(r => r.Metric == metric).Sum(r => r.Count);
        decimal Yuan(string metric) => rows.Where(r => r.Metric == metric).Sum(r => r.AmountFen) / 100m;

        var histogram = rows.Where(r => r.Metric == Metrics.JoinApprovalMinutes).Select(r => (Minutes: r.Key - bucketFrom, r.Count)).ToList();
        var cards = CardStatusNames.All.Select(s => new CardStatusCount(s.Status, s.Label.ToString(),
            rows.Where(r => r.Metric == Metrics.CardsByStatus && r.Key == s.Status).Sum(r => r.Count))).ToList();

        return new ServiceFigures(y, Sum(Metrics.JoinReceived), Sum(Metrics.JoinApproved), Sum(Metrics.JoinRejected), Sum(Metrics.JoinWithdrawn),
            Median(histogram), Sum(Metrics.TransferRequested), Sum(Metrics.TransferIn), Sum(Metrics.TransferOut), Sum(Metrics.TransferRefused),
            cards, Sum(Metrics.Redemptions), Yuan(Metrics.RedemptionSales), Yuan(Metrics.Redemptions));
    }

    /// <summary>
    /// The median of a minutes histogram (bucket m holds waits of m to m+1 minutes), interpolated inside the bucket that
    /// holds the middle approval; null when nothing was approved.
    /// </summary>
    public static double? Median(IReadOnlyList<(int Minutes, long Count)> histogram)
    {
        var total = histogram.Sum(h => h.Count);
        if (total <= 0)
        {
            return null;
        }

        var half = total / 2.0;
        long before = 0;
        foreach (var (minutes, count) in histogram.Where(h => h.Count > 0).OrderBy(h => h.Minutes))
        {
            if (before + count >= half)
            {
                return Math.Round(minutes + ((half - before) / count), 1);
            }

            before += count;
        }

        return histogram.Max(h => h.Minutes) + 1;
    }
}