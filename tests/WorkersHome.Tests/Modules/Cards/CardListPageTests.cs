using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Cards;

public sealed class CardListPageFixture : AppFixture;

/// <summary>The card list of a subtree (/Members/Cards) and the workbench: figures that say what they mean, and the bulk issue button.</summary>
public sealed partial class CardListPageTests(CardListPageFixture fixture) : IClassFixture<CardListPageFixture>
{
    private static string Figure(string html, string key)
    {
        var match = FigureValue().Matches(html).FirstOrDefault(m => m.Groups[1].Value == key);
        match.ShouldNotBeNull($"figure {key} on the page");
        return match.Groups[2].Value.Trim();
    }

    [GeneratedRegex("data-figure=\"([^\"]+)\"[^>]*>([^<]*)<")]
    private static partial Regex FigureValue();

    [Fact]
    public async Task Members_without_a_card_are_counted_beside_the_card_figures_and_a_bulk_issue_gives_them_one()
    {
        var officer = await fixture.Factory.SignedInAsync(fixture.World.User("zz.officer"));
        var workbench = await officer.GetStringAsync("/Workbench");
        Figure(workbench, "cards-1").ShouldBe("0");
        Figure(workbench, "cards-without").ShouldBe("1", "王建国 has no card yet");

        var list = await officer.GetStringAsync("/Members/Cards");
        Figure(list, "cards-active").ShouldBe("0");
        Figure(list, "cards-without").ShouldBe("1");
        list.ShouldContain("为本单位未发卡会员批量发卡");

        var union = fixture.World.Org(TestWorld.ZhengzhouUnionCode);
        var issued = await WebClients.PostFormAsync(officer, "/Members/Cards?handler=Bulk", new() { ["OrgId"] = union.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "/Members/Cards");
        issued.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var done = await officer.GetStringAsync(issued.Headers.Location!.OriginalString);
        done.ShouldContain("已发卡 1 张，本单位会员均已有卡");
        Figure(done, "cards-active").ShouldBe("1");
        Figure(done, "cards-without").ShouldBe("0");
        done.ShouldContain("王建国");
        done.ShouldNotContain("id=\"bulk-issue\"");

        (await officer.GetStringAsync($"/Members/Cards?orgId={union}&status=Frozen")).ShouldNotContain("王建国");
        workbench = await officer.GetStringAsync("/Workbench");
        Figure(workbench, "cards-1").ShouldBe("1");
        Figure(workbench, "cards-without").ShouldBe("0");
    }

    [Fact]
    public async Task The_api_issues_missing_cards_once_and_reports_the_figures_and_the_list()
    {
        var api = fixture.Factory.Api(fixture.World.User("ly.officer"));
        var union = fixture.World.Org(TestWorld.LuoyangUnionCode);
        var first = await (await api.PostAsync($"/api/cards/by-union/{union}/issue-missing", null)).Content.ReadFromJsonAsync<JsonElement>();
        first.GetProperty("issued").GetInt32().ShouldBe(1);
        first.GetProperty("finished").GetBoolean().ShouldBeTrue();
        var again = await (await api.PostAsync($"/api/cards/by-union/{union}/issue-missing", null)).Content.ReadFromJsonAsync<JsonElement>();
        again.GetProperty("issued").GetInt32().ShouldBe(0);

        var figures = await api.GetFromJsonAsync<JsonElement>($"/api/cards/by-union/{union}/figures");
        figures.GetProperty("withoutCard").GetInt64().ShouldBe(0);
        figures.GetProperty("countingMembers").GetInt32().ShouldBe(1);
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/cards/by-union/{union}?status=Active");
        list.GetProperty("total").GetInt32().ShouldBe(1);
        list.GetProperty("rows")[0].GetProperty("holderName").GetString().ShouldBe("李秀英");
    }

    [Fact]
    public async Task A_cadre_of_a_sibling_city_cannot_list_or_bulk_issue_another_citys_cards()
    {
        var luoyang = await fixture.Factory.SignedInAsync(fixture.World.User("ly.officer"));
        var union = fixture.World.Org(TestWorld.ZhengzhouUnionCode);
        (await luoyang.GetAsync($"/Members/Cards?orgId={union}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var refused = await WebClients.PostFormAsync(luoyang, "/Members/Cards?handler=Bulk",
            new() { ["OrgId"] = union.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/Members/Cards");
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}