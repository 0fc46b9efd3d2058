namespace WorkersHome.Platform.Statistics;

/// <summary>
/// One figure of one org's whole subtree (the org itself included), keyed by org code like the member stats, so that
/// an event at a union adds to a row of every org on its path and any node reads its figure with one key lookup.
/// </summary>
public sealed class TreeCounter
{
    public string OrgCode { get; set; } = "";

    /// <summary>What is counted (see <see cref="Metrics"/>).</summary>
    public string Metric { get; set; } = "";

    /// <summary>The month (yyyyMM) for event counts, a status for gauges, year × 100000 + bucket for histograms.</summary>
    public int Key { get; set; }

    public long Count { get; set; }

    /// <summary>Money in fen (0.01 yuan), whole numbers so that both databases add it exactly.</summary>
    public long AmountFen { get; set; }
}

/// <summary>The figures the service modules keep; names are stored, so they never change.</summary>
public static class Metrics
{
    public const string JoinReceived = "join.received";
    public const string JoinApproved = "join.approved";
    public const string JoinRejected = "join.rejected";
    public const string JoinWithdrawn = "join.withdrawn";

    /// <summary>Minutes from application to approval, as a histogram: key = year × 100000 + whole minutes (capped at about 69 days).</summary>
    public const string JoinApprovalMinutes = "join.approval-minutes";

    public const string TransferRequested = "transfer.requested";
    public const string TransferIn = "transfer.in";
    public const string TransferOut = "transfer.out";
    public const string TransferRefused = "transfer.refused";

    /// <summary>Cards by status, key = status: a gauge, moved from one status to another.</summary>
    public const string CardsByStatus = "cards.status";

    /// <summary>Redemptions; Amount is the discount given.</summary>
    public const string Redemptions = "redeem.count";

    /// <summary>Sale amounts of redemptions, in Amount.</summary>
    public const string RedemptionSales = "redeem.sales";

    /// <summary>Gauge: households in the hardship archive, keyed by primary cause.</summary>
    public const string HardshipHouseholds = "hardship.households";

    public const int HistogramYear = 100_000;

    public const int MaxHistogramBucket = HistogramYear - 1;

    public static int Month(DateOnly day) => day.Year * 100 + day.Month;

    public static int MinutesBucket(int year, TimeSpan waited) =>
        year * HistogramYear + (int)Math.Clamp(Math.Floor(waited.TotalMinutes), 0, MaxHistogramBucket);
}

/// <summary>A module that adds to the tree figures after the fact, asked to catch up before the figures are read.</summary>
public interface ITreeCounterSource
{
    Task<int> CountNewAsync(CancellationToken ct);
}