namespace WorkersHome.Platform.Localization;

/// <summary>The business day in China (UTC+8, no daylight saving): what join dates, offers and statements count by.</summary>
public static class ChinaTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime + Offset);

    /// <summary>The moment as a clock in China reads it.</summary>
    public static DateTimeOffset InChina(DateTimeOffset at) => at.ToOffset(Offset);

    public static DateOnly Today(this TimeProvider clock) => DayOf(clock.GetUtcNow());
}