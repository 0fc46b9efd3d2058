using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Rights.Calendar;
using WorkersHome.Platform.Persistence;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Rights;

public sealed class WorkCalendarFixture : AppFixture;

/// <summary>The national working calendar through the API: read by any cadre, corrected by the system administrator, audited (PostgreSQL).</summary>
public sealed class WorkCalendarApiTests(WorkCalendarFixture fixture) : IClassFixture<WorkCalendarFixture>
{
    private HttpClient As(string user) => fixture.Factory.Api(fixture.World.User(user));

    [Fact]
    public async Task Any_cadre_reads_a_years_days_off_and_make_up_days_in_date_order()
    {
        var days = (await As("zz.officer").GetFromJsonAsync<List<CalendarDayView>>("/api/rights/calendar/2026", TestJson.Options))!;

        days.Select(d => d.Date).ShouldBeInOrder();
        days.ShouldContain(d => d.Date == new DateOnly(2026, 10, 1) && d.Kind == CalendarDayKind.DayOff && d.Name == "国庆节");
        days.ShouldContain(d => d.Date == new DateOnly(2026, 10, 10) && d.Kind == CalendarDayKind.MakeUpWorkday);
        days.ShouldAllBe(d => d.Date.Year == 2026 && !d.Provisional);
        (await As("zz.officer").GetAsync("/api/rights/calendar/1899")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await fixture.Factory.Anonymous().GetAsync("/api/rights/calendar/2026")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_system_administrator_enters_a_notice_and_the_count_follows_it()
    {
        var admin = As("t.admin");
        // The 2027 notice, entered: Tuesday 9 Feb off, Sunday 31 Jan worked.
        var off = await admin.PutAsJsonAsync("/api/rights/calendar/2027-02-09", new { Kind = "DayOff", Name = "春节" }, TestJson.Options);
        off.StatusCode.ShouldBe(HttpStatusCode.OK, await off.Content.ReadAsStringAsync());
        (await admin.PutAsJsonAsync("/api/rights/calendar/2027-01-31", new { Kind = "MakeUpWorkday", Name = "春节" }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.OK);
        // A statutory day already seeded provisionally is confirmed by entering it.
        var confirmed = (await (await admin.PutAsJsonAsync("/api/rights/calendar/2027-02-05", new { Kind = "DayOff", Name = "春节" }, TestJson.Options))
            .Content.ReadFromJsonAsync<CalendarDayView>(TestJson.Options))!;
        confirmed.Provisional.ShouldBeFalse();

        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var calendar = await scope.ServiceProvider.GetRequiredService<WorkCalendar>().LoadAsync(CancellationToken.None);
            // Thu 4 Feb 2027 → Fri 5 – Tue 9 Feb off → Wed 10 Feb.
            calendar.AddBusinessDays(new DateOnly(2027, 2, 4), 1).ShouldBe(new DateOnly(2027, 2, 10));
            calendar.IsBusinessDay(new DateOnly(2027, 1, 31)).ShouldBeTrue();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.UseWholeTree();
            (await db.AuditEntries.CountAsync(a => a.Action == SetCalendarDay.AuditAction && a.TargetId == "2027-02-09")).ShouldBe(1);
        }

        // Cleared again: an ordinary Tuesday.
        (await admin.PutAsJsonAsync("/api/rights/calendar/2027-02-09", new { Kind = (string?)null }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var year = (await admin.GetFromJsonAsync<List<CalendarDayView>>("/api/rights/calendar/2027", TestJson.Options))!;
        year.ShouldNotContain(d => d.Date == new DateOnly(2027, 2, 9));
    }

    [Fact]
    public async Task Bad_entries_name_the_field_and_only_the_system_administrator_may_change_the_calendar()
    {
        var weekdayWorked = await As("t.admin").PutAsJsonAsync("/api/rights/calendar/2026-12-02", new { Kind = "MakeUpWorkday", Name = "x" }, TestJson.Options);
        weekdayWorked.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = JsonDocument.Parse(await weekdayWorked.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        problem.TryGetProperty("kind", out _).ShouldBeTrue(problem.ToString());

        var unnamed = await As("t.admin").PutAsJsonAsync("/api/rights/calendar/2026-12-02", new { Kind = "DayOff", Name = " " }, TestJson.Options);
        unnamed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonDocument.Parse(await unnamed.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("name", out _).ShouldBeTrue();

        foreach (var user in new[] { "zz.admin", "zz.officer", "auditor" })
        {
            (await As(user).PutAsJsonAsync("/api/rights/calendar/2026-12-02", new { Kind = "DayOff", Name = "测试" }, TestJson.Options))
                .StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
        }

        (await As("zz.officer").GetFromJsonAsync<List<CalendarDayView>>("/api/rights/calendar/2026", TestJson.Options))!
            .ShouldNotContain(d => d.Date == new DateOnly(2026, 12, 2));
    }
}