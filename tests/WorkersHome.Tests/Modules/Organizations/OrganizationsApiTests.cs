using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Organizations;

public sealed class OrganizationsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HttpClient ZhengzhouAdmin => fixture.Factory.Api(fixture.World.User("zz.admin"));

    private static object NewUnion(string name, string? creditCode = null) => new
    {
        Name = name,
        UnionType = "Enterprise",
        EmployerName = name.Replace("工会委员会", ""),
        CreditCode = creditCode ?? CreditCode.WithCheck("91410100" + Random.Shared.NextInt64(100_000_000, 999_999_999)),
        FoundedOn = "2010-03-01",
        ContactPhone = "0371-65512351",
    };

    private async Task<UnionDetails> CreateAsync(string parentCode, string name)
    {
        var response = await ZhengzhouAdmin.PostAsJsonAsync("/api/organizations", new { ParentId = fixture.World.Org(parentCode), Union = NewUnion(name) });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<UnionDetails>(TestJson.Options))!;
    }

    private async Task<int> GrassrootsCountAsync(string code)
    {
        var node = await ZhengzhouAdmin.GetFromJsonAsync<JsonElement>($"/api/organizations/{fixture.World.Org(code)}", TestJson.Options);
        return node.GetProperty("grassrootsUnions").GetInt32();
    }

    [Fact]
    public async Task Children_come_with_subtree_counts_from_rollups()
    {
        var children = await ZhengzhouAdmin.GetFromJsonAsync<JsonElement[]>($"/api/organizations/{fixture.World.Org("4101")}/children", TestJson.Options);
        children!.Length.ShouldBeGreaterThan(5);
        children.ShouldAllBe(c => c.GetProperty("level").GetString() == "County");
        var total = await GrassrootsCountAsync("4101");
        children.Sum(c => c.GetProperty("grassrootsUnions").GetInt32()).ShouldBeLessThanOrEqualTo(total);
        total.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Founding_a_union_counts_it_on_every_ancestor_and_writes_history_and_audit()
    {
        var before = (County: await GrassrootsCountAsync("410102"), City: await GrassrootsCountAsync("4101"));
        var union = await CreateAsync("410102001", "郑州新创电子有限公司工会委员会");
        union.Level.ShouldBe(OrgLevel.Grassroots);
        (await GrassrootsCountAsync("410102")).ShouldBe(before.County + 1);
        (await GrassrootsCountAsync("4101")).ShouldBe(before.City + 1);
        var history = await ZhengzhouAdmin.GetFromJsonAsync<JsonElement[]>($"/api/organizations/{union.Id}/history", TestJson.Options);
        history!.Single().GetProperty("kind").GetString().ShouldBe("Created");
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.AuditEntries.CountAsync(a => a.Action == "org.created" && a.TargetId == union.Id.ToString())).ShouldBe(1);
    }

    [Fact]
    public async Task Bad_input_gets_a_localised_field_error()
    {
        var response = await ZhengzhouAdmin.PostAsJsonAsync("/api/organizations",
            new { ParentId = fixture.World.Org("410102001"), Union = new { Name = "", UnionType = "Enterprise", EmployerName = "某公司", CreditCode = "91350100M000100Y44" } });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("Name")[0].GetString().ShouldBe("请填写工会名称");
        problem.GetProperty("errors").GetProperty("CreditCode")[0].GetString().ShouldBe("统一社会信用代码校验位不正确");
    }

    [Fact]
    public async Task English_is_chosen_by_the_culture_switch()
    {
        var client = ZhengzhouAdmin;
        var response = await client.PostAsJsonAsync("/api/organizations?culture=en&ui-culture=en",
            new { ParentId = fixture.World.Org("410102001"), Union = new { Name = "", UnionType = "GigWorkers" } });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("Name")[0].GetString().ShouldBe("Enter the union's name");
    }

    [Fact]
    public async Task A_stale_edit_gets_409_and_changes_nothing()
    {
        var union = await CreateAsync("410102001", "郑州并发测试有限公司工会委员会");
        var first = await ZhengzhouAdmin.PutAsJsonAsync($"/api/organizations/{union.Id}", new { Version = union.Version, Union = NewUnion("第一次修改工会委员会", union.CreditCode) });
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await ZhengzhouAdmin.PutAsJsonAsync($"/api/organizations/{union.Id}", new { Version = union.Version, Union = NewUnion("过期修改工会委员会", union.CreditCode) });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe("数据已被他人修改，请刷新后重试");
        var now = await ZhengzhouAdmin.GetFromJsonAsync<UnionDetails>($"/api/organizations/{union.Id}", TestJson.Options);
        now!.Name.ShouldBe("第一次修改工会委员会");
    }

    [Fact]
    public async Task Moving_a_township_moves_its_whole_subtree_and_the_counts()
    {
        var admin = fixture.Factory.Api(fixture.World.User("t.admin"));
        var township = fixture.World.Org("410102002");
        await CreateAsync("410102002", "郑州随迁测试有限公司工会委员会");
        var grassroots = (await admin.GetFromJsonAsync<UnionDetails>($"/api/organizations/{township}", TestJson.Options))!;
        var sourceCounty = await GrassrootsCountAsync("410102");
        var targetCountyId = fixture.World.Org("410103");
        var targetBefore = (await admin.GetFromJsonAsync<JsonElement>($"/api/organizations/{targetCountyId}", TestJson.Options)).GetProperty("grassrootsUnions").GetInt32();

        var response = await admin.PostAsJsonAsync($"/api/organizations/{township}/move", new { NewParentId = targetCountyId, grassroots.Version });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        (await GrassrootsCountAsync("410102")).ShouldBe(sourceCounty - grassroots.GrassrootsUnions);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/organizations/{targetCountyId}", TestJson.Options)).GetProperty("grassrootsUnions").GetInt32()
            .ShouldBe(targetBefore + grassroots.GrassrootsUnions);
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var below = await db.OrgUnits.Where(o => o.ParentId == township).ToListAsync();
        below.ShouldNotBeEmpty();
        below.ShouldAllBe(o => o.Path.StartsWith("/41/4101/410103/410102002/") && o.Depth == 4);
        (await db.OrgHistory.CountAsync(h => h.OrgId == township && h.Kind == OrgHistoryKind.Moved)).ShouldBe(1);
    }

    [Fact]
    public async Task Merge_and_dissolve_close_unions_and_take_them_out_of_the_counts()
    {
        var a = await CreateAsync("410102003", "郑州合并甲有限公司工会委员会");
        var b = await CreateAsync("410102003", "郑州合并乙有限公司工会委员会");
        var c = await CreateAsync("410102003", "郑州撤销丙有限公司工会委员会");
        var before = await GrassrootsCountAsync("410102003");

        (await ZhengzhouAdmin.PostAsJsonAsync($"/api/organizations/{a.Id}/merge", new { TargetId = b.Id, a.Version })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var noReason = await ZhengzhouAdmin.PostAsJsonAsync($"/api/organizations/{c.Id}/dissolve", new { c.Version, Reason = "" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ZhengzhouAdmin.PostAsJsonAsync($"/api/organizations/{c.Id}/dissolve", new { c.Version, Reason = "企业注销" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await GrassrootsCountAsync("410102003")).ShouldBe(before - 2);
        (await ZhengzhouAdmin.GetFromJsonAsync<UnionDetails>($"/api/organizations/{a.Id}", TestJson.Options))!.Status.ShouldBe(OrgStatus.Merged);
        var again = await ZhengzhouAdmin.PostAsJsonAsync($"/api/organizations/{c.Id}/dissolve", new { Version = c.Version + 1, Reason = "重复" });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Search_finds_by_name_and_credit_code_inside_the_subtree_only()
    {
        var byName = await ZhengzhouAdmin.GetFromJsonAsync<JsonElement[]>("/api/organizations/search?q=测试机械", TestJson.Options);
        byName!.Select(r => r.GetProperty("code").GetString()).ShouldContain(TestWorld.ZhengzhouUnionCode);
        var sibling = await ZhengzhouAdmin.GetFromJsonAsync<JsonElement[]>("/api/organizations/search?q=洛阳测试轴承", TestJson.Options);
        sibling!.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_member_officer_may_read_but_not_change()
    {
        var officer = fixture.Factory.Api(fixture.World.User("zz.officer"));
        (await officer.GetAsync($"/api/organizations/{fixture.World.Org("4101")}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var response = await officer.PostAsJsonAsync("/api/organizations", new { ParentId = fixture.World.Org("410102001"), Union = NewUnion("越权工会委员会") });
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}