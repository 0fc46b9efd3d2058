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

        // Entered twice (a double click): one change, one audit entry.
        (await admin.PutAsJsonAsync("/api/rights/calendar/2027-02-09", new { Kind = "DayOff", Name = "春节" }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
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

    [Fact]
    public async Task The_calendar_page_shows_a_year_to_every_cadre_and_takes_entries_from_the_system_administrator()
    {
        var officer = await fixture.Factory.SignedInAsync(fixture.World.User("zz.officer"));
        var page = await officer.GetStringAsync("/Rights/Calendar?year=2026");
        page.ShouldContain("2026-10-10");
        page.ShouldContain("调休上班");
        // 2026: 261 weekdays, 19 of them off (1–2 Jan, 16–20 and 23 Feb, 6 Apr, 1, 4 and 5 May, 19 Jun, 25 Sep, 1–2 and
        // 5–7 Oct), and 6 weekend days worked.
        page.ShouldContain("2026 年共 248 个工作日");
        page.ShouldNotContain("id=\"calendar-set\"");
        (await officer.GetStringAsync("/Rights/Calendar?year=2027")).ShouldContain("暂定");

        var admin = await fixture.Factory.SignedInAsync(fixture.World.User("t.admin"));
        (await admin.GetStringAsync("/Rights/Calendar?year=2028")).ShouldContain("id=\"calendar-set\"");
        var saved = await WebClients.PostFormAsync(admin, "/Rights/Calendar?handler=Set&year=2028",
            new Dictionary<string, string> { ["Date"] = "2028-01-03", ["Input.Kind"] = "DayOff", ["Input.Name"] = "元旦" }, "/Rights/Calendar?year=2028");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/Rights/Calendar?year=2028")).ShouldContain("2028-01-03");

        var unnamed = await WebClients.PostFormAsync(admin, "/Rights/Calendar?handler=Set&year=2028",
            new Dictionary<string, string> { ["Date"] = "2028-01-04", ["Input.Kind"] = "DayOff", ["Input.Name"] = "" }, "/Rights/Calendar?year=2028");
        unnamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await unnamed.Content.ReadAsStringAsync()).ShouldContain("请填写节日名称");

        var byOfficer = await WebClients.PostFormAsync(officer, "/Rights/Calendar?handler=Set&year=2028",
            new Dictionary<string, string> { ["Date"] = "2028-01-05", ["Input.Kind"] = "DayOff", ["Input.Name"] = "x" }, "/Rights/Calendar?year=2028");
        byOfficer.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/Rights/Calendar?year=2028")).ShouldNotContain("2028-01-05");
    }
}