using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Statistics;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Members;

public sealed class MemberStatisticsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HttpClient Officer => fixture.Factory.Api(fixture.World.User("zz.officer"));

    private async Task<JsonElement> FiguresAsync(string code) =>
        await Officer.GetFromJsonAsync<JsonElement>($"/api/members/stats/{fixture.World.Org(code)}");

    private static int Of(JsonElement figures, string name) => figures.GetProperty(name).GetInt32();

    [Fact]
    public async Task Figures_follow_every_change_up_the_tree_and_a_full_recount_finds_no_difference()
    {
        var union = fixture.World.Org(TestWorld.ZhengzhouUnionCode);
        var before = await FiguresAsync("4101");
        var thisYear = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1);
        var gig = TestWorld.Member(union, "骑手甲", ResidentIdNumber.Compose("410102", new DateOnly(1998, 2, 2), 5, Gender.Male))
            with
        { EmploymentForm = EmploymentForm.Flexible, PlatformName = "某外卖平台", IsMigrantWorker = true, JoinedOn = thisYear };
        var created = await Officer.PostAsJsonAsync("/api/members", gig);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var after = await FiguresAsync("4101");
        Of(after, "active").ShouldBe(Of(before, "active") + 1);
        Of(after, "gigWorkers").ShouldBe(Of(before, "gigWorkers") + 1);
        Of(after, "migrantWorkers").ShouldBe(Of(before, "migrantWorkers") + 1);
        Of(after, "newThisYear").ShouldBe(Of(before, "newThisYear") + 1);
        var province = await fixture.Factory.Api(fixture.World.User("t.admin")).GetFromJsonAsync<JsonElement>($"/api/members/stats/{fixture.World.Org("41")}");
        Of(province, "gigWorkers").ShouldBeGreaterThanOrEqualTo(1);

        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await Officer.PutAsJsonAsync($"/api/members/{id}/status", new { Version = 0, Status = "Retained" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var retained = await FiguresAsync("4101");
        Of(retained, "active").ShouldBe(Of(before, "active"));
        Of(retained, "retained").ShouldBe(Of(before, "retained") + 1);

        var admin = fixture.Factory.Api(fixture.World.User("t.admin"));
        var township = fixture.World.Org("410102001");
        var version = (await admin.GetFromJsonAsync<JsonElement>($"/api/organizations/{township}")).GetProperty("version").GetInt32();
        (await admin.PostAsJsonAsync($"/api/organizations/{township}/move", new { NewParentId = fixture.World.Org("410103"), Version = version }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        Of(await FiguresAsync("410103"), "gigWorkers").ShouldBeGreaterThanOrEqualTo(1);
        Of(await FiguresAsync("410102"), "gigWorkers").ShouldBe(0);

        var csv = "姓名,性别,民族,证件类型,证件号码,出生日期,手机号码,学历,政治面貌,基层工会代码,工作单位,用工形式,平台名称,是否农民工,户籍所在地,入会日期\n" +
            $"派遣乙,女,汉族,居民身份证,{ResidentIdNumber.Compose("410103", new DateOnly(1991, 1, 1), 6, Gender.Female)},,,,,{TestWorld.ZhengzhouUnionCode},,劳务派遣,,是,,2020-01-01";
        (await Officer.ImportAsync(new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"))).GetProperty("added").GetInt32().ShouldBe(1);
        Of(await FiguresAsync("4101"), "dispatched").ShouldBe(Of(before, "dispatched") + 1);

        await using var scope = fixture.Factory.WholeTreeScope(out _);
        (await scope.ServiceProvider.GetRequiredService<MemberStatsQueries>().RebuildAsync(CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task A_sibling_node_has_no_figures_for_this_cadre()
    {
        var response = await Officer.GetAsync($"/api/members/stats/{fixture.World.Org("4103")}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}