using System.Net;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Rights;
using WorkersHome.Modules.Rights.Cases;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Rights;

public sealed class CasePagesFixture : AppFixture;

/// <summary>The pages of the case system as a browser posts them: the agent's desk, a handler's case page, the member's phone page and the public lookup.</summary>
public sealed class CasePagesTests(CasePagesFixture fixture) : IClassFixture<CasePagesFixture>
{
    private static string ZhengzhouPhone => TestWorld.Member(0, "", WorkersHome.Modules.Members.ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123,
        WorkersHome.Modules.Members.Gender.Male)).Phone!;

    private static string ZhengzhouIdNumber => WorkersHome.Modules.Members.ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, WorkersHome.Modules.Members.Gender.Male);

    private async Task<RightsCase> CaseAsync(string trackingNumber)
    {
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        return await db.RightsCases.AsNoTracking().SingleAsync(c => c.TrackingNumber == trackingNumber);
    }

    [Fact]
    public async Task The_agent_finds_the_caller_and_files_from_the_desk_and_a_missing_field_is_named()
    {
        var agent = await fixture.Factory.SignedInAsync(fixture.World.User("agent"));
        var lookup = await WebClients.PostFormAsync(agent, "/Rights/Desk?handler=Lookup", new() { ["Input.Phone"] = ZhengzhouPhone, ["Input.SubmissionKey"] = "desk-1" }, "/Rights/Desk");
        var found = await lookup.Content.ReadAsStringAsync();
        lookup.StatusCode.ShouldBe(HttpStatusCode.OK);
        found.ShouldContain("王*国");
        found.ShouldContain("郑州测试机械有限公司", Case.Sensitive, "the member's own union is offered as the employer");

        var fields = new Dictionary<string, string>
        {
            ["Input.SubmissionKey"] = "desk-1",
            ["Input.Phone"] = ZhengzhouPhone,
            ["Input.MemberId"] = fixture.World.ZhengzhouMember.ToString(),
            ["Input.EmployerOrgId"] = fixture.World.Org(TestWorld.ZhengzhouUnionCode).ToString(),
            ["Input.Kind"] = "Complaint",
            ["Input.Topic"] = "WageArrears",
            ["Input.Subject"] = "拖欠两个月工资",
            ["Input.Details"] = "十月、十一月工资未发。",
            ["Input.WorkersAffected"] = "1",
        };
        var missing = await WebClients.PostFormAsync(agent, "/Rights/Desk?handler=File", new(fields), "/Rights/Desk");
        missing.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("请填写拖欠工资金额");

        fields["Input.AmountClaimed"] = "9000";
        var filed = await WebClients.PostFormAsync(agent, "/Rights/Desk?handler=File", new(fields), "/Rights/Desk");
        filed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        filed.Headers.Location!.OriginalString.ShouldStartWith("/Rights/Case/");
        var page = await agent.GetStringAsync(filed.Headers.Location.OriginalString);
        page.ShouldContain("拖欠两个月工资");
        page.ShouldContain("中原区");
        var again = await WebClients.PostFormAsync(agent, "/Rights/Desk?handler=File", new(fields), "/Rights/Desk");
        again.Headers.Location!.OriginalString.ShouldBe(filed.Headers.Location.OriginalString, "a second click on the same form files nothing new");
    }

    [Fact]
    public async Task The_agent_answers_a_consultation_from_the_knowledge_base_and_it_closes()
    {
        var agent = await fixture.Factory.SignedInAsync(fixture.World.User("agent"));
        var fields = new Dictionary<string, string>
        {
            ["Input.SubmissionKey"] = "kb-1",
            ["Input.Kind"] = "Consultation",
            ["Input.Topic"] = "WageArrears",
            ["Input.Subject"] = "老板拖欠工资怎么办",
            ["Input.Anonymous"] = "true",
            ["KnowledgeQuery"] = "老板拖了三个月工资不给怎么办",
        };
        var found = await WebClients.PostFormAsync(agent, "/Rights/Desk?handler=Knowledge", new(fields), "/Rights/Desk");
        var html = await found.Content.ReadAsStringAsync();
        var first = System.Text.RegularExpressions.Regex.Match(html, "name=\"UseArticle\" value=\"([0-9a-f-]{36})\"");
        first.Success.ShouldBeTrue("the knowledge base offered an answer");
        fields["UseArticle"] = first.Groups[1].Value;
        var used = await (await WebClients.PostFormAsync(agent, "/Rights/Desk?handler=UseAnswer", new(fields), "/Rights/Desk")).Content.ReadAsStringAsync();
        var answer = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(used, "id=\"answer\"[^>]*>([^<]+)</textarea>").Groups[1].Value);
        answer.ShouldContain("工资", Case.Sensitive, "the article's answer is in the form");
        fields["Input.Answer"] = answer;
        var filed = await WebClients.PostFormAsync(agent, "/Rights/Desk?handler=File", new(fields), "/Rights/Desk");
        filed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await agent.GetStringAsync(filed.Headers.Location!.OriginalString)).ShouldContain("已结案");
    }

    [Fact]
    public async Task A_county_handler_accepts_records_wages_and_resolves_on_the_case_page()
    {
        var agent = fixture.Factory.Api(fixture.World.User("agent"));
        var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(agent, "/api/rights/cases", new
        {
            Kind = "Request",
            Topic = "WageArrears",
            Subject = "工地欠薪",
            Details = "十二人工资未结",
            CallerName = "赵大民",
            Phone = "13812345678",
            EmployerOrgId = fixture.World.Org(TestWorld.ZhengzhouUnionCode),
            AmountClaimed = 120000m,
            WorkersAffected = 12,
        }, TestJson.Options);
        var state = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<WorkersHome.Modules.Rights.CaseState>(response.Content, TestJson.Options))!;
        var url = $"/Rights/Case/{state.Id}";
        var handler = await fixture.Factory.SignedInAsync(fixture.World.User("zy.rights"));
        (await handler.GetStringAsync("/Rights")).ShouldContain("工地欠薪");
        (await WebClients.PostFormAsync(handler, url + "?handler=Accept", new() { ["Version"] = "1" }, url)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
        (await WebClients.PostFormAsync(handler, url + "?handler=Wages", new() { ["Version"] = "2", ["Amount"] = "60000", ["Workers"] = "12", ["RecoveredOn"] = today }, url))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await WebClients.PostFormAsync(handler, url + "?handler=Resolve", new() { ["Version"] = "2", ["Note"] = "已结清" }, url);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("已变化", Case.Sensitive, "a stale version is refused with a notice");
        (await WebClients.PostFormAsync(handler, url + "?handler=Resolve", new() { ["Version"] = "3", ["Note"] = "企业已分两期结清" }, url)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await handler.GetStringAsync(url);
        page.ShouldContain("60,000.00 元");
        page.ShouldContain("已办结待回访");
        page.ShouldContain("赵*民");
        (await CaseAsync(state.TrackingNumber)).Status.ShouldBe(CaseStatus.Resolved);

        var officer = await fixture.Factory.SignedInAsync(fixture.World.User("zz.officer"));
        (await officer.GetAsync(url)).Headers.Location?.OriginalString.ShouldContain("/SignIn/AccessDenied", Case.Sensitive, "a member officer holds no rights permission");
    }

    [Fact]
    public async Task A_member_files_a_wage_complaint_on_the_phone_confirms_the_result_and_a_caller_looks_it_up()
    {
        var member = await MemberSignIn.AsMemberAsync(fixture.Factory, ZhengzhouPhone, "王建国", ZhengzhouIdNumber);
        (await member.GetStringAsync("/m/Rights")).ShouldContain("我要维权");
        var bad = await WebClients.PostFormAsync(member, "/m/Rights?handler=File", new() { ["Form.Kind"] = "Complaint", ["Form.SubmissionKey"] = "m-1" }, "/m/Rights");
        var badPage = await bad.Content.ReadAsStringAsync();
        badPage.ShouldContain("请选择问题类别");
        badPage.ShouldContain("请选择或填写用人单位");

        var fields = new Dictionary<string, string>
        {
            ["Form.SubmissionKey"] = "m-1",
            ["Form.Kind"] = "Complaint",
            ["Form.Topic"] = "WageArrears",
            ["Form.EmployerName"] = "郑州某建筑劳务公司",
            ["Form.Subject"] = "工地拖欠三个月工资",
            ["Form.Details"] = "2026年8月至10月在工地做钢筋工，工资一直未结。",
            ["Form.AmountClaimed"] = "21000",
            ["Form.WorkersAffected"] = "4",
        };
        (await WebClients.PostFormAsync(member, "/m/Rights?handler=File", new(fields), "/m/Rights")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await WebClients.PostFormAsync(member, "/m/Rights?handler=File", new(fields), "/m/Rights")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        RightsCase filed;
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            filed = await db.RightsCases.AsNoTracking().SingleAsync(c => c.SubmissionKey.EndsWith(":m-1"));
            filed.Channel.ShouldBe(CaseChannel.Online);
            filed.EmployerMayKnow.ShouldBeFalse();
            filed.OrgId.ShouldBe(fixture.World.Org("410102"), "no union for the employer: the county above the member's own union");
        }

        var mine = await member.GetStringAsync("/m/Rights");
        mine.ShouldContain(filed.TrackingNumber);

        var api = fixture.Factory.Api(fixture.World.User("zy.rights"));
        async Task<int> Step(string name, object body) =>
            (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<WorkersHome.Modules.Rights.CaseState>(
                (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api, $"/api/rights/cases/{filed.Id}/{name}", body, TestJson.Options)).Content, TestJson.Options))!.Version;
        var v = await Step("accept", new { Version = filed.Version });
        v = await Step("resolve", new { Version = v, Note = "经协调，劳务公司已支付全部工资" });
        (await member.GetStringAsync("/m/Rights")).ShouldContain("经协调，劳务公司已支付全部工资");
        (await WebClients.PostFormAsync(member, "/m/Rights?handler=Confirm", new() { ["CaseId"] = filed.Id.ToString(), ["Version"] = v.ToString(), ["accepted"] = "true" }, "/m/Rights"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CaseAsync(filed.TrackingNumber)).Status.ShouldBe(CaseStatus.Closed);

        var anyone = fixture.Factory.Anonymous();
        var track = await WebClients.PostFormAsync(anyone, "/m/Track", new() { ["TrackingNumber"] = filed.TrackingNumber.ToLowerInvariant(), ["Phone"] = ZhengzhouPhone });
        (await track.Content.ReadAsStringAsync()).ShouldContain("工地拖欠三个月工资");
        var wrong = await WebClients.PostFormAsync(anyone, "/m/Track", new() { ["TrackingNumber"] = filed.TrackingNumber, ["Phone"] = "13700000000" });
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("没有找到");
    }
}