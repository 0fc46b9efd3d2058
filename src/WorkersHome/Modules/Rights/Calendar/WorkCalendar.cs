using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Rights.Calendar;

/// <summary>The national working calendar as stored now: a few dozen rows a year, read whole when deadlines are counted.</summary>
public sealed class WorkCalendar(AppDbContext db)
{
    public async Task<BusinessCalendar> LoadAsync(CancellationToken ct) =>
        new(await db.CalendarDays.AsNoTracking().ToListAsync(ct));

    /// <summary>Every date of <paramref name="year"/> that departs from the ordinary week, in date order.</summary>
    public async Task<IReadOnlyList<CalendarDayView>> YearAsync(int year, CancellationToken ct)
    {
        if (year is < 2000 or > 2100)
        {
            new Platform.Errors.FieldErrors().Add("year", "年份应在 2000 至 2100 之间", "The year must be between 2000 and 2100").ThrowIfAny();
        }

        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).ToListAsync(ct);
        return days.OrderBy(d => d.Date).Select(CalendarDayView.Of).ToList();
    }
}

/// <summary>One date of the calendar as the API and the page show it.</summary>
public sealed record CalendarDayView(DateOnly Date, CalendarDayKind Kind, string KindName, string Name, bool Provisional)
{
    public static CalendarDayView Of(CalendarDay d) => new(d.Date, d.Kind, NameOf(d.Kind), d.Name, d.Provisional);

    private static string NameOf(CalendarDayKind kind) =>
        kind == CalendarDayKind.DayOff ? Platform.Localization.Loc.T("放假", "Day off") : Platform.Localization.Loc.T("调休上班", "Make-up workday");
}