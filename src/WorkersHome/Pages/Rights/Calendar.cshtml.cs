using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Rights;
using WorkersHome.Modules.Rights.Calendar;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.Rights;

/// <summary>
/// The national working calendar that case deadlines count on: a year's days off and make-up workdays, which the
/// system administrator enters from the State Council's notice (and confirms where the year was seeded provisionally).
/// </summary>
public sealed class CalendarModel(WorkCalendar calendar, SetCalendarDay set, CurrentCadre cadre, TimeProvider clock) : OrgPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public CalendarDayInput Input { get; set; } = new(null, null);

    public IReadOnlyList<CalendarDayView> Days { get; private set; } = [];

    public int BusinessDays { get; private set; }

    public bool MayEdit => cadre.Has(RightsPermissions.ManageCalendar);

    public int ShownYear => Year ?? clock.Today().Year;

    protected override string FieldPrefix => "Input.";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (ShownYear is < 2000 or > 2100)
        {
            return NotFound();
        }

        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostSetAsync(CancellationToken ct) =>
        StepAsync(MayEdit, () => set.ExecuteAsync(DateOrMissing(), Input, ct),
            Loc.T($"已保存 {Date:yyyy-MM-dd}", $"Saved {Date:yyyy-MM-dd}"), new { Year = Date?.Year ?? ShownYear }, () => LoadAsync(ct));

    public Task<IActionResult> OnPostClearAsync(DateOnly day, CancellationToken ct) =>
        StepAsync(MayEdit, () => set.ExecuteAsync(day, new CalendarDayInput(null, null), ct),
            Loc.T($"{day:yyyy-MM-dd} 已恢复为普通日", $"{day:yyyy-MM-dd} is an ordinary day again"), new { Year = day.Year }, () => LoadAsync(ct));

    private DateOnly DateOrMissing()
    {
        if (Date is { } date)
        {
            return date;
        }

        new Platform.Errors.FieldErrors().Add("date", "请选择日期", "Choose the date").ThrowIfAny();
        return default;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Days = await calendar.YearAsync(ShownYear, ct);
        // The year's own departures from the week decide its business days: no need to read the rest of the calendar.
        var year = new BusinessCalendar(Days.Select(d => new CalendarDay { Date = d.Date, Kind = d.Kind }));
        BusinessDays = year.BusinessDaysBetween(new DateOnly(ShownYear - 1, 12, 31), new DateOnly(ShownYear, 12, 31));
    }
}