namespace WorkersHome.Modules.Rights.Calendar;

/// <summary>
/// Business-day arithmetic on the national working calendar: Monday to Friday, except the days off listed, plus the
/// make-up workdays listed. Deadlines follow the administrative rule 自受理之日起 N 个工作日: the day a case arrives is not
/// counted, and the Nth business day after it is the last day, ending at midnight China time.
/// </summary>
public sealed class BusinessCalendar
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private readonly Dictionary<DateOnly, CalendarDayKind> _exceptions;

    public BusinessCalendar(IEnumerable<CalendarDay> days)
    {
        _exceptions = days.ToDictionary(d => d.Date, d => d.Kind);
    }

    public bool IsBusinessDay(DateOnly date) => _exceptions.TryGetValue(date, out var kind)
        ? kind == CalendarDayKind.MakeUpWorkday
        : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The <paramref name="count"/>th business day after <paramref name="date"/> (which is not counted); count 0 is the date itself.</summary>
    public DateOnly AddBusinessDays(DateOnly date, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = date;
        for (var left = count; left > 0;)
        {
            day = day.AddDays(1);
            if (IsBusinessDay(day))
            {
                left--;
            }
        }

        return day;
    }

    /// <summary>How many business days lie after <paramref name="from"/> up to and including <paramref name="to"/>; 0 when to is not later.</summary>
    public int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsBusinessDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The moment a time limit of <paramref name="businessDays"/> runs out for something that arrived at
    /// <paramref name="received"/>: the end (midnight, China time) of the Nth business day after the day it arrived, in UTC (as stored).
    /// </summary>
    public DateTimeOffset Deadline(DateTimeOffset received, int businessDays)
    {
        var arrivedOn = DateOnly.FromDateTime(received.UtcDateTime + ChinaOffset);
        var lastDay = AddBusinessDays(arrivedOn, businessDays);
        return new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime();
    }

    /// <summary>A deadline moved later by <paramref name="businessDays"/> (the business days a clock stood still).</summary>
    public DateTimeOffset Extend(DateTimeOffset deadline, int businessDays)
    {
        var lastDay = DateOnly.FromDateTime(deadline.UtcDateTime + ChinaOffset).AddDays(-1);
        return new DateTimeOffset(AddBusinessDays(lastDay, businessDays).AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime();
    }

    /// <summary>The China date of a moment.</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime + ChinaOffset);
}