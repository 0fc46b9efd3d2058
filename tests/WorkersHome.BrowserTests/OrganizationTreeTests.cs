using WorkersHome.BrowserTests.Infrastructure;
using WorkersHome.Testing;

namespace WorkersHome.BrowserTests;

public sealed class OrganizationTreeTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string TestUnionName = "郑州测试机械有限公司工会委员会";

    [Fact]
    public async Task Officer_expands_the_tree_and_finds_a_union_by_search()
    {
        var (county, township) = await NamesOfAsync("410102", "410102001");
        await using var context = await app.SignedInContextAsync(app.World.User("zz.officer"));
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Organizations");
        var countyNode = page.Locator($"#org-tree li[data-id='{app.World.Org("410102")}']");
        await Expect(countyNode.Locator("> a")).ToHaveTextAsync(county);
        var townshipNode = countyNode.Locator($"li[data-id='{app.World.Org("410102001")}']");
        await Expect(townshipNode).ToHaveCountAsync(0);

        await countyNode.Locator("> button.toggle").ClickAsync();
        await Expect(townshipNode.Locator("> a")).ToHaveTextAsync(township);
        await Expect(countyNode.Locator("> button.toggle")).ToHaveAttributeAsync("aria-expanded", "true");
        await Screens.CaptureAsync(page, "organizations-tree");

        await page.Locator("#org-search").FillAsync("测试机械");
        await page.Locator("#org-search-submit").ClickAsync();
        var result = page.Locator("#search-results").GetByRole(AriaRole.Link, new() { Name = TestUnionName, Exact = true });
        await Expect(result).ToBeVisibleAsync();
        await Screens.CaptureAsync(page, "organizations-search");
        await result.ClickAsync();

        await Expect(page.Locator("#node-name")).ToHaveTextAsync(TestUnionName);
        await Expect(page.Locator("#breadcrumb").GetByRole(AriaRole.Link, new() { Name = "郑州市总工会", Exact = true })).ToBeVisibleAsync();
        await Screens.CaptureAsync(page, "organizations-node");
    }

    private async Task<(string County, string Township)> NamesOfAsync(string countyCode, string townshipCode)
    {
        await using var scope = app.Factory.WholeTreeScope(out var db);
        var county = await TestWorld.FindUnitAsync(db, app.World.Org(countyCode));
        var township = await TestWorld.FindUnitAsync(db, app.World.Org(townshipCode));
        return (county.Name, township.Name);
    }
}