using System.Globalization;

namespace WorkersHome.Bench.Infrastructure;

/// <summary>Per-call latencies of one measurement, reported as nearest-rank percentiles.</summary>
internal sealed class Latencies(string label, int capacity)
{
    private readonly List<double> _microseconds = new(capacity);
    private bool _sorted;

    public int Count => _microseconds.Count;

    public void Add(long startTimestamp, long endTimestamp)
    {
        _microseconds.Add(System.Diagnostics.Stopwatch.GetElapsedTime(startTimestamp, endTimestamp).TotalMicroseconds);
        _sorted = false;
    }

    public double PercentileMicroseconds(double percent)
    {
        if (_microseconds.Count == 0)
        {
            throw new InvalidOperationException($"No samples for {label}.");
        }

        if (!_sorted)
        {
            _microseconds.Sort();
            _sorted = true;
        }

        var rank = (int)Math.Ceiling(percent / 100 * _microseconds.Count);
        return _microseconds[Math.Clamp(rank - 1, 0, _microseconds.Count - 1)];
    }

    public double PercentileMilliseconds(double percent) => PercentileMicroseconds(percent) / 1000;

    /// <summary>The human-readable line: p50/p95/p99 in the unit given (ms or us).</summary>
    public string Describe(string unit, string? note = null)
    {
        Func<double, string> format = unit == "ms"
            ? p => PercentileMilliseconds(p).ToString("F3", CultureInfo.InvariantCulture)
            : p => PercentileMicroseconds(p).ToString("F1", CultureInfo.InvariantCulture);
        var suffix = note is null ? "" : $", {note}";
        return $"{label}: p50={format(50)} p95={format(95)} p99={format(99)} {unit} (n={Count}{suffix})";
    }
}