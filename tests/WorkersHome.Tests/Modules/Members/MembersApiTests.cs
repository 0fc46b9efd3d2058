using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Members;

public sealed class MembersApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HttpClient Officer => fixture.Factory.Api(fixture.World.User("zz.officer"));

    private long Union => fixture.World.Org(TestWorld.ZhengzhouUnionCode);

    private static string NewId(int sequence, int year = 1992) =>
        ResidentIdNumber.Compose("410105", new DateOnly(year, 5, 20), sequence, Gender.Female);

    private async Task<int> MembersOfAsync(string code) =>
        (await Officer.GetFromJsonAsync<JsonElement>($"/api/organizations/{fixture.World.Org(code)}")).GetProperty("members").GetInt32();

    [Fact]
    public async Task A_json_value_of_the_wrong_type_is_refused_with_its_field_named()
    {
        var response = await Officer.PostAsync("/api/members",
            new StringContent("{\"orgId\":\"abc\",\"name\":\"赵一\"}", System.Text.Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var message = problem.GetProperty("errors").GetProperty("orgId")[0].GetString();
        message.ShouldNotBeNull();
        message.ShouldContain("orgId 的值无法识别");
    }

    [Fact]
    public async Task Adding_a_member_counts_them_up_the_tree_and_shows_only_masked_numbers()
    {
        var before = (Union: await MembersOfAsync(TestWorld.ZhengzhouUnionCode), City: await MembersOfAsync("4101"));
        var id = NewId(301);
        var response = await Officer.PostAsJsonAsync("/api/members", TestWorld.Member(Union, "赵秀兰", id) with { Ethnicity = "汉族", Education = "大学本科教育" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain(id);
        body.ShouldContain(id[..6] + "********" + id[^4..]);
        (await MembersOfAsync(TestWorld.ZhengzhouUnionCode)).ShouldBe(before.Union + 1);
        (await MembersOfAsync("4101")).ShouldBe(before.City + 1);

        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var stored = await db.Members.SingleAsync(m => m.Name == "赵秀兰");
        stored.IdCipher.ShouldNotContain(id);
        stored.Gender.ShouldBe(Gender.Female);
        stored.BirthDate.ShouldBe(new DateOnly(1992, 5, 20));
        stored.EducationCode.ShouldBe("20");
    }

    [Fact]
    public async Task One_person_one_record_nationwide_with_an_answer_that_leaks_nothing()
    {
        var id = NewId(302);
        (await Officer.PostAsJsonAsync("/api/members", TestWorld.Member(Union, "钱桂英", id))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var again = await Officer.PostAsJsonAsync("/api/members", TestWorld.Member(Union, "钱桂英", id));
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("此人已是“郑州测试机械有限公司工会委员会”的会员，请办理会籍转接");

        var luoyang = fixture.Factory.Api(fixture.World.User("ly.officer"));
        var elsewhere = await luoyang.PostAsJsonAsync("/api/members", TestWorld.Member(fixture.World.Org(TestWorld.LuoyangUnionCode), "钱桂英", id));
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var text = await elsewhere.Content.ReadAsStringAsync();
        text.ShouldContain("此人已是其他工会的会员，请发起会籍转接申请");
        text.ShouldNotContain("郑州");
    }

    [Fact]
    public async Task Fields_that_disagree_with_the_ID_number_or_the_code_tables_are_named()
    {
        var input = TestWorld.Member(Union, "孙明", NewId(303)) with
        {
            BirthDate = new DateOnly(1992, 5, 21),
            Gender = Gender.Male,
            Ethnicity = "99",
            Phone = "12345678901",
            EmploymentForm = EmploymentForm.Flexible,
        };
        var response = await Officer.PostAsJsonAsync("/api/members", input);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("BirthDate")[0].GetString().ShouldBe("出生日期与身份证号码不一致");
        errors.GetProperty("Gender")[0].GetString().ShouldBe("性别与身份证号码不一致");
        errors.GetProperty("Ethnicity")[0].GetString().ShouldBe("未知的民族代码或名称：99");
        errors.GetProperty("Phone")[0].GetString().ShouldBe("手机号码应为以 1 开头的 11 位数字");
        errors.GetProperty("PlatformName")[0].GetString().ShouldBe("灵活就业人员请填写所在平台");
    }

    [Fact]
    public async Task The_list_finds_by_part_of_a_name_or_the_full_ID_and_reveals_only_with_an_audit()
    {
        var byName = await Officer.SearchMembersAsync(new { search = "建国" });
        byName.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ShouldContain("王建国");
        var id = ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, Gender.Male);
        var byId = await Officer.SearchMembersAsync(new { search = id });
        byId.GetProperty("total").GetInt32().ShouldBe(1);

        var reveal = await Officer.PostAsync($"/api/members/{fixture.World.ZhengzhouMember}/reveal", null);
        reveal.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reveal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("idNumber").GetString().ShouldBe(id);
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.AuditEntries.CountAsync(a => a.Action == "member.revealed" && a.TargetId == fixture.World.ZhengzhouMember.ToString()))
            .ShouldBeGreaterThanOrEqualTo(1);
        (await fixture.Factory.Api(fixture.World.User("auditor")).PostAsync($"/api/members/{fixture.World.ZhengzhouMember}/reveal", null))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Ending_a_membership_takes_it_out_of_the_counts_and_a_stale_version_is_refused()
    {
        var created = await (await Officer.PostAsJsonAsync("/api/members", TestWorld.Member(Union, "周凤英", NewId(304))))
            .Content.ReadFromJsonAsync<JsonElement>();
        var memberId = created.GetProperty("id").GetGuid();
        var before = await MembersOfAsync("4101");
        var left = await Officer.PutAsJsonAsync($"/api/members/{memberId}/status", new { Version = 0, Status = "Left", Note = "调离" });
        left.StatusCode.ShouldBe(HttpStatusCode.OK, await left.Content.ReadAsStringAsync());
        (await MembersOfAsync("4101")).ShouldBe(before - 1);
        var stale = await Officer.PutAsJsonAsync($"/api/members/{memberId}/status", new { Version = 0, Status = "Active" });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var filtered = await Officer.SearchMembersAsync(new { status = "Left", search = "周凤英" });
        filtered.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Members_follow_their_union_when_it_merges_or_moves()
    {
        var admin = fixture.Factory.Api(fixture.World.User("zz.admin"));
        async Task<JsonElement> NewUnionAsync(string name) => await (await admin.PostAsJsonAsync("/api/organizations",
            new { ParentId = fixture.World.Org("410102004"), Union = new { Name = name, UnionType = "GigWorkers" } })).Content.ReadFromJsonAsync<JsonElement>();
        var source = await NewUnionAsync("秦岭路快递员工会");
        var target = await NewUnionAsync("秦岭路外卖骑手工会");
        var created = await Officer.PostAsJsonAsync("/api/members", TestWorld.Member(source.GetProperty("id").GetInt64(), "吴国强",
            ResidentIdNumber.Compose("410102", new DateOnly(1995, 1, 9), 77, Gender.Male)) with
        { EmploymentForm = EmploymentForm.Flexible, PlatformName = "某外卖平台" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        (await admin.PostAsJsonAsync($"/api/organizations/{source.GetProperty("id")}/merge",
            new { TargetId = target.GetProperty("id").GetInt64(), Version = source.GetProperty("version").GetInt32() })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var afterMerge = await Officer.GetFromJsonAsync<JsonElement>($"/api/members?orgId={target.GetProperty("id")}");
        afterMerge.GetProperty("rows")[0].GetProperty("name").GetString().ShouldBe("吴国强");
        (await admin.GetFromJsonAsync<JsonElement>($"/api/organizations/{target.GetProperty("id")}")).GetProperty("members").GetInt32().ShouldBe(1);

        var targetNow = await admin.GetFromJsonAsync<JsonElement>($"/api/organizations/{target.GetProperty("id")}");
        (await admin.PostAsJsonAsync($"/api/organizations/{target.GetProperty("id")}/move",
            new { NewParentId = fixture.World.Org("410103"), Version = targetNow.GetProperty("version").GetInt32() })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var underNewCounty = await Officer.SearchMembersAsync(new { orgId = fixture.World.Org("410103"), search = "吴国强" });
        underNewCounty.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task The_member_page_lists_the_subtree_masked_in_Chinese()
    {
        var client = await fixture.Factory.SignedInAsync(fixture.World.User("zz.officer"));
        var html = await client.GetStringAsync("/Members?q=王建国");
        html.ShouldContain("会员管理");
        html.ShouldContain("王建国");
        html.ShouldContain("410102********");
        html.ShouldNotContain(ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, Gender.Male));
        (await client.GetStringAsync("/Members?q=李秀英")).ShouldNotContain("李秀英</td>");
    }

    [Theory]
    [InlineData(MembershipStatus.Active, MembershipStatus.Retained, true)]
    [InlineData(MembershipStatus.Retained, MembershipStatus.Active, true)]
    [InlineData(MembershipStatus.Left, MembershipStatus.Active, true)]
    [InlineData(MembershipStatus.Deceased, MembershipStatus.Active, false)]
    [InlineData(MembershipStatus.Active, MembershipStatus.TransferredOut, false)]
    [InlineData(MembershipStatus.Active, MembershipStatus.Active, false)]
    public void Status_changes_follow_the_state_machine(MembershipStatus from, MembershipStatus to, bool allowed) =>
        WorkersHome.Modules.Members.Register.ChangeMemberStatus.IsAllowed(from, to).ShouldBe(allowed);
}
public sealed class CodeTableTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_system_administrator_adds_a_code_that_imports_and_forms_then_accept_and_others_may_not()
    {
        var entry = new { Code = "91", Zh = "其他职业培训", En = "Other vocational training" };
        (await fixture.Factory.Api(fixture.World.User("zz.officer")).PutAsJsonAsync("/api/members/codes/education", entry))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var saved = await fixture.Factory.Api(fixture.World.User("t.admin")).PutAsJsonAsync("/api/members/codes/education", entry);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var clash = await fixture.Factory.Api(fixture.World.User("t.admin")).PutAsJsonAsync("/api/members/codes/education",
            new { Code = "92", Zh = "其他职业培训", En = "Something else" });
        clash.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var officer = fixture.Factory.Api(fixture.World.User("zz.officer"));
        var member = TestWorld.Member(fixture.World.Org(TestWorld.ZhengzhouUnionCode), "培训生",
            ResidentIdNumber.Compose("410102", new DateOnly(2000, 1, 2), 8, Gender.Female)) with
        { Education = "其他职业培训", JoinedOn = new DateOnly(2020, 1, 1) };
        (await officer.PostAsJsonAsync("/api/members", member)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var codes = await officer.GetFromJsonAsync<JsonElement[]>("/api/members/codes/education");
        codes!.Select(c => c.GetProperty("code").GetString()).ShouldContain("91");
    }
}