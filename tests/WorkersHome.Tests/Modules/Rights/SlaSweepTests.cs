using System.Net.Http.Json;

using Hangfire;
using Hangfire.Storage;

using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Modules.Rights;
using WorkersHome.Modules.Rights.Calendar;
using WorkersHome.Modules.Rights.Cases;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Security;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Rights;

public sealed class SlaSweepFixture : AppFixture;

/// <summary>Escalation on the business-day clock with a clock of the test's own: first breach, second breach, no doubles, and the job's schedule in the engine.</summary>
public sealed class SlaSweepTests(SlaSweepFixture fixture) : IClassFixture<SlaSweepFixture>
{
    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private async Task<int> SweepAsync(DateTimeOffset now)
    {
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var services = scope.ServiceProvider;
        var clock = new ManualClock(now);
        var steps = new CaseSteps(db, new AuditTrail(db, services.GetRequiredService<CurrentCadre>(), clock, services.GetRequiredService<IHttpContextAccessor>()),
            services.GetRequiredService<CurrentCadre>(), clock);
        var calendar = services.GetRequiredService<WorkCalendar>();
        return await new SlaSweep(db, calendar, new CaseClock(steps, calendar), steps, services.GetRequiredService<IOrgDirectory>(), clock).RunAsync(CancellationToken.None);
    }

    private async Task<RightsCase> CaseAsync(Guid id)
    {
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        return await db.RightsCases.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    private async Task<CaseState> FileAsync(string key)
    {
        var response = await fixture.Factory.Api(fixture.World.User("agent")).PostAsJsonAsync("/api/rights/cases", new
        {
            Kind = "Complaint",
            Topic = "Dismissal",
            Subject = "被违法解除劳动合同",
            Details = "未提前通知，无补偿",
            CallerName = "孙晓",
            Phone = "13612345678",
            EmployerOrgId = fixture.World.Org(TestWorld.ZhengzhouUnionCode),
            SubmissionKey = key,
        }, TestJson.Options);
        return (await response.Content.ReadFromJsonAsync<CaseState>(TestJson.Options))!;
    }

    [Fact]
    public async Task A_breach_escalates_to_the_union_above_and_a_second_breach_to_the_one_above_that_once_each()
    {
        var filed = await FileAsync("sla-1");
        var acceptDue = (await CaseAsync(filed.Id)).AcceptDueAt;
        (await SweepAsync(acceptDue.AddHours(-1))).ShouldBe(0, "not yet due");

        await SweepAsync(acceptDue.AddHours(1));
        var first = await CaseAsync(filed.Id);
        first.EscalationLevel.ShouldBe(1);
        string countyPath;
        await using (var scope0 = fixture.Factory.WholeTreeScope(out var db0))
        {
            countyPath = (await TestWorld.FindUnitAsync(db0, fixture.World.Org("410102"))).Path;
        }

        first.EscalatedOrgPath.ShouldBe(countyPath[..(countyPath.TrimEnd('/').LastIndexOf('/') + 1)], "the city above 中原区");
        await SweepAsync(acceptDue.AddHours(2));
        (await CaseAsync(filed.Id)).EscalationLevel.ShouldBe(1, "the same breach does not escalate twice");

        var supervisor = fixture.Factory.Api(fixture.World.User("zz.admin"));
        (await supervisor.GetFromJsonAsync<CasePage>("/api/rights/cases?EscalatedToMe=true", TestJson.Options))!.Rows.ShouldContain(r => r.Id == filed.Id);

        await Task.WhenAll(SweepAsync(acceptDue.AddDays(14)), SweepAsync(acceptDue.AddDays(14)));
        var second = await CaseAsync(filed.Id);
        second.EscalationLevel.ShouldBe(2);
        second.EscalatedOrgPath.ShouldBe("/" + string.Join('/', countyPath.Trim('/').Split('/')[..^2]) + "/", "the province above the city");
        await SweepAsync(acceptDue.AddDays(30));
        (await CaseAsync(filed.Id)).EscalationLevel.ShouldBe(2, "two levels at most");

        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.CaseSteps.CountAsync(s => s.CaseId == filed.Id && s.Kind == CaseStepKind.Escalated)).ShouldBe(2, "two sweeps at once doubled nothing");
    }

    [Fact]
    public async Task Sweeps_running_at_once_escalate_each_case_once()
    {
        var cases = new List<CaseState>();
        for (var i = 0; i < 5; i++)
        {
            cases.Add(await FileAsync($"sla-race-{i}"));
        }

        var due = (await CaseAsync(cases[^1].Id)).AcceptDueAt;
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => SweepAsync(due.AddMinutes(30))));
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var ids = cases.Select(c => c.Id).ToList();
        (await db.CaseSteps.Where(s => ids.Contains(s.CaseId) && s.Kind == CaseStepKind.Escalated).GroupBy(s => s.CaseId).Select(g => g.Count()).ToListAsync())
            .ShouldBe([1, 1, 1, 1, 1]);
    }

    [Fact]
    public async Task The_sweep_is_scheduled_in_the_job_engine()
    {
        // The job server starts in the background (a database not yet reachable must not stop the app): wait for it.
        var storage = fixture.Factory.Services.GetRequiredService<JobStorage>();
        for (var tries = 0; tries < 100; tries++)
        {
            using var connection = storage.GetConnection();
            if (connection.GetRecurringJobs().Any(j => j.Id == SlaSweep.JobId))
            {
                break;
            }

            await Task.Delay(100);
        }

        using var scheduled = storage.GetConnection();
        scheduled.GetRecurringJobs().ShouldContain(j => j.Id == SlaSweep.JobId && j.Cron == "* * * * *");
    }

    [Theory]
    [InlineData("/41/4101/410102/", 1, "/41/4101/")]
    [InlineData("/41/4101/410102/", 2, "/41/")]
    [InlineData("/41/4101/", 2, "/41/")]
    [InlineData("/41/", 1, "/41/")]
    public void Escalation_climbs_the_tree_but_not_above_the_top(string path, int levels, string expected) =>
        SlaSweep.Above(path, levels, "/41/").ShouldBe(expected);
}
/// <summary>A holiday entered after cases were filed moves the deadlines that run over it.</summary>
public sealed class CalendarRecountTests(SlaSweepFixture fixture) : IClassFixture<SlaSweepFixture>
{
    [Fact]
    public async Task A_day_off_entered_on_a_cases_last_day_moves_its_deadline_by_a_business_day()
    {
        var agent = fixture.Factory.Api(fixture.World.User("agent"));
        var response = await agent.PostAsJsonAsync("/api/rights/cases", new
        {
            Kind = "Request",
            Topic = "SocialInsurance",
            Subject = "单位未缴社保",
            Details = "入职两年未缴",
            CallerName = "周敏",
            Phone = "13512345678",
            EmployerName = "某商贸公司",
            PlaceOrgId = fixture.World.Org("410102"),
            SubmissionKey = "recount-1",
        }, TestJson.Options);
        var id = (await response.Content.ReadFromJsonAsync<CaseState>(TestJson.Options))!.Id;
        RightsCase before;
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            before = await db.RightsCases.AsNoTracking().SingleAsync(c => c.Id == id);
        }

        var lastDay = BusinessCalendar.DayOf(before.ResolveDueAt.AddSeconds(-1));
        var admin = fixture.Factory.Api(fixture.World.User("t.admin"));
        (await admin.PutAsJsonAsync($"/api/rights/calendar/{lastDay:yyyy-MM-dd}", new { Kind = "DayOff", Name = "临时假日" }, TestJson.Options))
            .StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);

        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            var after = await db.RightsCases.AsNoTracking().SingleAsync(c => c.Id == id);
            after.ResolveDueAt.ShouldBeGreaterThan(before.ResolveDueAt);
            var days = await scope.ServiceProvider.GetRequiredService<WorkCalendar>().LoadAsync(CancellationToken.None);
            days.BusinessDaysBetween(BusinessCalendar.DayOf(after.ReceivedAt), BusinessCalendar.DayOf(after.ResolveDueAt.AddSeconds(-1))).ShouldBe(after.ResolveDays);
            (await db.AuditEntries.CountAsync(a => a.Action == CaseDeadlines.AuditAction)).ShouldBe(1);
        }
    }
}