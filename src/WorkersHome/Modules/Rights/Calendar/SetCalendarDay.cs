using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Rights.Calendar;

/// <summary>What an administrator enters for one date: a day off, a make-up workday, or neither (an ordinary day again).</summary>
public sealed record CalendarDayInput(CalendarDayKind? Kind, string? Name);

/// <summary>
/// Enters one date of a year's holiday notice (or corrects one): from then on every deadline counted across that date
/// counts it so. Audited, as it moves the deadlines of every open case.
/// </summary>
public sealed class SetCalendarDay(AppDbContext db, AuditTrail audit, Cases.CaseDeadlines deadlines)
{
    public const string AuditAction = "rights.calendar.changed";

    public async Task<CalendarDayView?> ExecuteAsync(DateOnly date, CalendarDayInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (date.Year is < 2000 or > 2100)
        {
            errors.Add("date", "日期应在 2000 至 2100 年之间", "The date must fall between 2000 and 2100");
        }

        if (input.Kind is { } kind && !Enum.IsDefined(kind))
        {
            errors.Add("kind", "请选择放假或调休上班，或留空恢复为普通日", "Choose day off or make-up workday, or leave it empty for an ordinary day");
        }

        var name = input.Name?.Trim() ?? "";
        if (input.Kind is not null && name.Length is 0 or > 40)
        {
            errors.Add("name", "请填写节日名称（40 字以内），如“春节”", "Enter the holiday's name (up to 40 characters), such as 春节");
        }

        if (input.Kind == CalendarDayKind.MakeUpWorkday && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            errors.Add("kind", "调休上班日只能是周六或周日", "A make-up workday can only be a Saturday or Sunday");
        }

        errors.ThrowIfAny();
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == date, ct);
        if (day is null ? input.Kind is null : day.Kind == input.Kind && day.Name == name && !day.Provisional)
        {
            // Already so (a repeated entry, a double click): nothing changes, so nothing is recorded.
            return day is null ? null : CalendarDayView.Of(day);
        }

        var before = day is null ? null : new { day.Kind, day.Name, day.Provisional };
        if (input.Kind is not { } newKind)
        {
            if (day is not null)
            {
                db.CalendarDays.Remove(day);
            }
        }
        else
        {
            if (day is null)
            {
                day = new CalendarDay { Date = date };
                db.CalendarDays.Add(day);
            }

            day.Kind = newKind;
            day.Name = name;
            day.Provisional = false;
        }

        audit.Record(AuditAction, "calendar-day", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), detail: new { before, after = input.Kind is null ? null : new { input.Kind, Name = name } });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two administrators entered the same date at once (or a double click): one wins, the other is told to look again.
            throw new ConflictException(Loc.T("该日期刚被修改，请刷新后再试", "This date was just changed; refresh and try again"));
        }

        await deadlines.RecountAcrossAsync(date, ct);

        return input.Kind is null ? null : CalendarDayView.Of(day!);
    }
}