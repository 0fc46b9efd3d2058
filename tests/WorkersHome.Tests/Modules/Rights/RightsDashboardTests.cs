using System.Net;
using System.Net.Http.Json;

using WorkersHome.Modules.Rights;
using WorkersHome.Modules.Rights.Dashboard;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Rights;

public sealed class RightsDashboardFixture : AppFixture;

/// <summary>The figures per tree node move with every step in the same transaction: filing, acceptance, recovered wages, callback, transfer.</summary>
public sealed class RightsDashboardTests(RightsDashboardFixture fixture) : IClassFixture<RightsDashboardFixture>
{
    private HttpClient As(string user) => fixture.Factory.Api(fixture.World.User(user));

    private async Task<RightsDashboardView> BoardAsync(string user, string org) =>
        (await As(user).GetFromJsonAsync<RightsDashboardView>($"/api/rights/dashboard?orgId={fixture.World.Org(org)}", TestJson.Options))!;

    private async Task<CaseState> PostAsync(string url, object body, string user)
    {
        var response = await As(user).PostAsJsonAsync(url, body, TestJson.Options);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CaseState>(TestJson.Options))!;
    }

    [Fact]
    public async Task Figures_follow_each_step_and_a_transfer_moves_them()
    {
        var complaint = await PostAsync("/api/rights/cases", new
        {
            Kind = "Complaint",
            Topic = "WageArrears",
            Subject = "欠薪",
            Details = "两个月工资未发",
            MemberId = fixture.World.ZhengzhouMember,
            EmployerOrgId = fixture.World.Org(TestWorld.ZhengzhouUnionCode),
            AmountClaimed = 8000m,
            WorkersAffected = 2,
        }, "agent");
        await PostAsync("/api/rights/cases", new
        {
            Kind = "Consultation",
            Topic = "LabourContract",
            Subject = "试用期",
            Anonymous = true,
            PlaceOrgId = fixture.World.Org("410103"),
            Answer = "最长六个月。",
        }, "agent");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var v = (await PostAsync($"/api/rights/cases/{complaint.Id}/accept", new { Version = complaint.Version }, "zy.rights")).Version;
        v = (await PostAsync($"/api/rights/cases/{complaint.Id}/wages", new { Version = v, Amount = 8000m, Workers = 2, RecoveredOn = today }, "zy.rights")).Version;
        v = (await PostAsync($"/api/rights/cases/{complaint.Id}/resolve", new { Version = v, Note = "已全额支付" }, "zy.rights")).Version;
        v = (await PostAsync($"/api/rights/cases/{complaint.Id}/callback", new { Version = v, Satisfaction = "Satisfied" }, "zy.rights")).Version;

        var city = await BoardAsync("zz.admin", "4101");
        city.Node.Cases.ShouldBe(2);
        city.Node.Open.ShouldBe(0);
        city.Node.AcceptOnTimeRate.ShouldBe(100);
        city.Node.ResolveOnTimeRate.ShouldBe(100);
        city.Node.SatisfactionRate.ShouldBe(100);
        city.Node.Recovered.ShouldBe(8000m);
        city.Node.WorkersHelped.ShouldBe(2);
        city.ByKind.Select(k => (k.Name, k.Count)).ShouldBe([("咨询", 1L), ("投诉", 1L)], ignoreOrder: true);
        city.Children.Single(c => c.OrgId == fixture.World.Org("410102")).Cases.ShouldBe(1);
        city.Children.Single(c => c.OrgId == fixture.World.Org("410103")).Cases.ShouldBe(1);

        var failed = await PostAsync($"/api/rights/cases/{complaint.Id}/quality", new { Version = v, Passed = false, Note = "缺少支付凭证" }, "zz.admin");
        await PostAsync($"/api/rights/cases/{complaint.Id}/transfer", new { Version = failed.Version, ToOrgId = fixture.World.Org("410103"), Reason = "用工地在二七区" }, "zy.rights");
        var after = await BoardAsync("zz.admin", "4101");
        after.Node.Cases.ShouldBe(2);
        after.Node.Open.ShouldBe(1, "the failed quality check reopened it");
        after.Node.ResolveOnTimeRate.ShouldBe(100, "only the consultation is resolved now");
        after.Children.Single(c => c.OrgId == fixture.World.Org("410102")).Cases.ShouldBe(0, "the transfer took its figures along");
        after.Children.Single(c => c.OrgId == fixture.World.Org("410103")).Cases.ShouldBe(2);
        after.Children.Single(c => c.OrgId == fixture.World.Org("410103")).Recovered.ShouldBe(8000m);

        (await As("ly.admin").GetAsync($"/api/rights/dashboard?orgId={fixture.World.Org("4101")}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var xlsx = await As("zz.admin").GetAsync("/api/rights/dashboard/figures.xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await xlsx.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(1000);
        var page = await (await fixture.Factory.SignedInAsync(fixture.World.User("zz.officer"))).GetAsync("/Rights/Dashboard");
        page.Headers.Location?.OriginalString.ShouldContain("/SignIn/AccessDenied");
        var admin = await fixture.Factory.SignedInAsync(fixture.World.User("zz.admin"));
        (await admin.GetStringAsync("/Rights/Dashboard")).ShouldContain("二七区");
    }
}