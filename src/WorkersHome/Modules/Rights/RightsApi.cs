using Microsoft.AspNetCore.Http.HttpResults;

using WorkersHome.Modules.Rights.Calendar;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Rights;

internal static class RightsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var calendar = app.MapGroup("/api/rights/calendar").WithTags("Rights");
        calendar.MapGet("/{year:int}", (int year, WorkCalendar days, CancellationToken ct) => days.YearAsync(year, ct))
            .RequireAuthorization(Policies.Cadre)
            .WithSummary("The year's days off and make-up workdays that case deadlines count business days on");
        calendar.MapPut("/{date}", async Task<Results<Ok<CalendarDayView>, NoContent>> (DateOnly date, CalendarDayInput input, SetCalendarDay set, CancellationToken ct) =>
            await set.ExecuteAsync(date, input, ct) is { } day ? TypedResults.Ok(day) : TypedResults.NoContent())
            .RequireAuthorization(RightsPermissions.ManageCalendar)
            .WithSummary("Enter a date of the year's holiday notice: a day off, a make-up workday, or (kind empty) an ordinary day again");
    }
}