using Microsoft.AspNetCore.Http.HttpResults;

using WorkersHome.Modules.Rights.Calendar;
using WorkersHome.Modules.Rights.TimeLimits;
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

        var limits = app.MapGroup("/api/rights/time-limits").WithTags("Rights");
        limits.MapGet("/", (TimeLimitQueries q, CancellationToken ct) => q.ListAsync(ct))
            .RequireAuthorization(Policies.Cadre)
            .WithSummary("Business days to accept, resolve and call back, per kind and complexity of case");
        limits.MapPut("/{kind}/{complexity}", (CaseKind kind, CaseComplexity complexity, TimeLimitInput input, SetTimeLimit set, CancellationToken ct) =>
                set.ExecuteAsync(kind, complexity, input, ct))
            .RequireAuthorization(RightsPermissions.ManageTimeLimits)
            .WithSummary("Set the time limits of one kind and complexity of case (business days)");
    }
}