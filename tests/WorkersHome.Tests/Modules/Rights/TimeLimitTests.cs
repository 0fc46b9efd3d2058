using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Rights;
using WorkersHome.Modules.Rights.TimeLimits;
using WorkersHome.Platform.Persistence;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Rights;

public sealed class TimeLimitFixture : AppFixture;

/// <summary>The time limits of rights cases as data: read by cadres, changed by the system administrator with named errors, audited (PostgreSQL).</summary>
public sealed class TimeLimitTests(TimeLimitFixture fixture) : IClassFixture<TimeLimitFixture>
{
    private HttpClient As(string user) => fixture.Factory.Api(fixture.World.User(user));

    [Fact]
    public async Task Every_kind_and_complexity_has_limits_from_the_start()
    {
        var rules = (await As("zz.officer").GetFromJsonAsync<List<TimeLimitView>>("/api/rights/time-limits", TestJson.Options))!;

        rules.Count.ShouldBe(12);
        rules.Select(r => (r.Kind, r.Complexity)).ShouldBe(
            Enum.GetValues<CaseKind>().SelectMany(k => Enum.GetValues<CaseComplexity>().Select(c => (k, c))));
        rules.ShouldAllBe(r => r.AcceptDays == 1 && r.CallbackDays == 3 && r.ResolveDays >= r.AcceptDays);
        rules.Single(r => r.Kind == CaseKind.Complaint && r.Complexity == CaseComplexity.Complex).ResolveDays.ShouldBe(15);
    }

    [Fact]
    public async Task The_system_administrator_changes_a_rule_and_bad_values_name_the_field()
    {
        var url = "/api/rights/time-limits/Request/Ordinary";
        var changed = await As("t.admin").PutAsJsonAsync(url, new { AcceptDays = 2, ResolveDays = 10, CallbackDays = 5 }, TestJson.Options);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        (await changed.Content.ReadFromJsonAsync<TimeLimitView>(TestJson.Options))!.ShouldBe(
            new TimeLimitView(CaseKind.Request, "求决", CaseComplexity.Ordinary, "一般", 2, 10, 5));

        var bad = await As("t.admin").PutAsJsonAsync(url, new { AcceptDays = 5, ResolveDays = 3, CallbackDays = 0 }, TestJson.Options);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        errors.TryGetProperty("resolveDays", out _).ShouldBeTrue(errors.ToString());
        errors.TryGetProperty("callbackDays", out _).ShouldBeTrue(errors.ToString());
        errors.TryGetProperty("acceptDays", out _).ShouldBeFalse(errors.ToString());

        foreach (var user in new[] { "zz.admin", "zz.officer", "auditor" })
        {
            (await As(user).PutAsJsonAsync(url, new { AcceptDays = 1, ResolveDays = 1, CallbackDays = 1 }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
        }

        (await As("t.admin").PutAsJsonAsync("/api/rights/time-limits/Request/Extreme", new { AcceptDays = 1, ResolveDays = 1, CallbackDays = 1 }, TestJson.Options))
            .StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
        (await As("t.admin").PutAsJsonAsync("/api/rights/time-limits/9/1", new { AcceptDays = 1, ResolveDays = 1, CallbackDays = 1 }, TestJson.Options))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var after = (await As("zz.officer").GetFromJsonAsync<List<TimeLimitView>>("/api/rights/time-limits", TestJson.Options))!;
        after.Single(r => r.Kind == CaseKind.Request && r.Complexity == CaseComplexity.Ordinary).ShouldBe(
            new TimeLimitView(CaseKind.Request, "求决", CaseComplexity.Ordinary, "一般", 2, 10, 5), "the refused change kept nothing");
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.UseWholeTree();
        (await db.AuditEntries.CountAsync(a => a.Action == SetTimeLimit.AuditAction && a.TargetId == "Request/Ordinary")).ShouldBe(1);
    }

    [Fact]
    public async Task The_page_shows_the_limits_to_cadres_and_takes_changes_from_the_system_administrator()
    {
        var officer = await fixture.Factory.SignedInAsync(fixture.World.User("zz.officer"));
        var page = await officer.GetStringAsync("/Rights/TimeLimits");
        page.ShouldContain("投诉");
        page.ShouldContain("15 个工作日");
        page.ShouldNotContain("name=\"Input.ResolveDays\"");

        var admin = await fixture.Factory.SignedInAsync(fixture.World.User("t.admin"));
        var saved = await WebClients.PostFormAsync(admin, "/Rights/TimeLimits?kind=Suggestion&complexity=Complex",
            new Dictionary<string, string> { ["Input.AcceptDays"] = "1", ["Input.ResolveDays"] = "25", ["Input.CallbackDays"] = "3" }, "/Rights/TimeLimits");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/Rights/TimeLimits")).ShouldContain("value=\"25\"");

        var refused = await WebClients.PostFormAsync(admin, "/Rights/TimeLimits?kind=Suggestion&complexity=Complex",
            new Dictionary<string, string> { ["Input.AcceptDays"] = "1", ["Input.ResolveDays"] = "99", ["Input.CallbackDays"] = "3" }, "/Rights/TimeLimits");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("办结时限应为 1 至 60 个工作日");

        var byOfficer = await WebClients.PostFormAsync(officer, "/Rights/TimeLimits?kind=Suggestion&complexity=Complex",
            new Dictionary<string, string> { ["Input.AcceptDays"] = "1", ["Input.ResolveDays"] = "2", ["Input.CallbackDays"] = "3" }, "/Rights/TimeLimits");
        byOfficer.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/Rights/TimeLimits")).ShouldContain("value=\"25\"");
    }
}