using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Members;

/// <summary>The synonyms of the code tables are data the system administrator keeps, and the member form's input is read as leniently as an import's.</summary>
public sealed class CodeSynonymTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HttpClient Officer => fixture.Factory.Api(fixture.World.User("zz.officer"));

    private HttpClient Admin => fixture.Factory.Api(fixture.World.User("t.admin"));

    private long Union => fixture.World.Org(TestWorld.ZhengzhouUnionCode);

    private static string NewId(int sequence) => ResidentIdNumber.Compose("410105", new DateOnly(1993, 3, 3), sequence, Gender.Female);

    private Task<HttpResponseMessage> AddMemberAsync(string name, string id, string education) =>
        Officer.PostAsJsonAsync("/api/members", TestWorld.Member(Union, name, id) with { Ethnicity = "汉", Education = education });

    [Fact]
    public async Task The_administrator_adds_and_removes_a_synonym_and_the_registry_reads_it_only_while_it_is_there()
    {
        (await AddMemberAsync("钱秀芳", NewId(11), "本科毕业")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await Officer.PostAsJsonAsync("/api/members/codes/education/synonyms", new { code = "20", text = "本科毕业" })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
        var added = await Admin.PostAsJsonAsync("/api/members/codes/education/synonyms", new { code = "20", text = " 本科毕业 " });
        added.StatusCode.ShouldBe(HttpStatusCode.OK, await added.Content.ReadAsStringAsync());

        var table = await Officer.GetFromJsonAsync<JsonElement[]>("/api/members/codes/education");
        var bachelor = table!.Single(e => e.GetProperty("code").GetString() == "20");
        bachelor.GetProperty("synonyms").EnumerateArray().Select(s => s.GetString()).ShouldContain("本科毕业");
        bachelor.GetProperty("synonyms").EnumerateArray().Select(s => s.GetString()).ShouldContain("大学本科");

        var created = await AddMemberAsync("钱秀芳", NewId(11), "本科毕业");
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        var clash = await Admin.PostAsJsonAsync("/api/members/codes/education/synonyms", new { code = "20", text = "大专" });
        clash.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await clash.Content.ReadAsStringAsync()).ShouldContain("“大专”已表示本表的 30 大学专科教育");

        (await Admin.DeleteAsync("/api/members/codes/education/synonyms/" + Uri.EscapeDataString("本科毕业"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var refused = await AddMemberAsync("钱秀兰", NewId(12), "本科毕业");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("未知的学历代码或名称：本科毕业");

        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.AuditEntries.CountAsync(a => a.Action == "member.code-table-changed" && a.TargetId == "education/20")).ShouldBe(2);
    }

    [Fact]
    public async Task The_form_takes_full_width_digits_a_lowercase_x_and_a_decorated_phone_but_not_a_name_with_markup()
    {
        var id = Enumerable.Range(100, 400).Select(NewId).First(i => i.EndsWith('X'));
        var typed = string.Concat(id[..17].Select(c => (char)(c - '0' + '０'))) + "x";
        var response = await Officer.PostAsJsonAsync("/api/members",
            TestWorld.Member(Union, "孙　丽", typed) with { Ethnicity = "汉", Phone = "+86 183-7809-1341", PoliticalStatus = "团员" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("name").GetString().ShouldBe("孙丽");

        var markup = await Officer.PostAsJsonAsync("/api/members", TestWorld.Member(Union, "<img src=x>", NewId(13)) with { Ethnicity = "汉" });
        markup.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await markup.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("Name")[0].GetString()!.ShouldStartWith("姓名只能包含汉字、字母和间隔号（·）");
    }

    [Fact]
    public async Task The_code_tables_page_lists_synonyms_for_the_administrator_only()
    {
        var admin = await fixture.Factory.SignedInAsync(fixture.World.User("t.admin"));
        var page = await admin.GetStringAsync("/CodeTables?table=political");
        page.ShouldContain("中国共产党党员");
        page.ShouldContain("中共党员");
        var officer = await fixture.Factory.SignedInAsync(fixture.World.User("zz.officer"));
        (await officer.GetAsync("/CodeTables")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);

        var added = await WebClients.PostFormAsync(admin, "/CodeTables?handler=Add&table=political",
            new Dictionary<string, string> { ["Input.Code"] = "13", ["Input.Text"] = "老百姓" }, "/CodeTables?table=political");
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/CodeTables?table=political")).ShouldContain("老百姓");
    }
}