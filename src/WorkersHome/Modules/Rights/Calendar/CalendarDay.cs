namespace WorkersHome.Modules.Rights.Calendar;

/// <summary>How a date departs from the Monday-to-Friday week.</summary>
public enum CalendarDayKind
{
    /// <summary>A day off (a public holiday, or a weekday given off in exchange for a make-up day).</summary>
    DayOff = 1,

    /// <summary>调休: a Saturday or Sunday worked in exchange for a day off.</summary>
    MakeUpWorkday = 2,
}

/// <summary>
/// One date of the national working calendar that is not an ordinary Monday-to-Friday workday or weekend: the State
/// Council's holidays and make-up workdays, published each year and kept here as data that administrators can correct.
/// Case deadlines count business days on it.
/// </summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; set; }

    public CalendarDayKind Kind { get; set; }

    /// <summary>The holiday it belongs to (元旦, 春节 …), shown in the calendar.</summary>
    public string Name { get; set; } = "";

    /// <summary>Seeded from a year's rules before its official notice; to be checked when the notice is published.</summary>
    public bool Provisional { get; set; }
}