using System.Text;

using WorkersHome.BrowserTests.Infrastructure;
using WorkersHome.Modules.Members;
using WorkersHome.Testing;

namespace WorkersHome.BrowserTests;

/// <summary>A union's own roster whose columns the import cannot tell: the cadre matches them on the page, and the next file just imports.</summary>
public sealed class RosterImportTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Roster(params (string Name, string Id)[] people) =>
        "某某公司工会会员名册\n姓名,身份证号码,工会编号,用工性质,民族,文化程度\n" +
        string.Concat(people.Select(p => $"{p.Name},{p.Id},{TestWorld.ZhengzhouUnionCode},合同制,汉,大学本科\n"));

    private static string Id(int sequence) => ResidentIdNumber.Compose("410184", new DateOnly(1991, 2, 2), sequence, Gender.Male);

    [Fact]
    public async Task An_officer_matches_unknown_columns_once_and_the_next_file_imports_without_asking()
    {
        var first = Path.Combine(Path.GetTempPath(), $"roster-{Guid.NewGuid():N}.csv");
        var second = Path.Combine(Path.GetTempPath(), $"roster-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(first, Roster(("韩一", Id(71)), ("韩错", Id(72)[..17] + (Id(72)[17] == '1' ? '2' : '1'))), new UTF8Encoding(true));
        await File.WriteAllTextAsync(second, Roster(("韩二", Id(73))), new UTF8Encoding(true));
        try
        {
            await using var context = await app.SignedInContextAsync(app.World.User("zz.officer"));
            var page = await context.NewPageAsync();
            await page.GotoAsync("/Members/Import");
            await page.Locator("#Upload").SetInputFilesAsync(first);
            await page.Locator("#mode-valid").CheckAsync();
            await page.Locator("#import-submit").ClickAsync();

            var columns = page.Locator("#import-columns");
            await Expect(columns).ToBeVisibleAsync();
            await Expect(columns).ToContainTextAsync("请为每一项选择文件中的列");
            // What the import recognised by itself is already chosen; the cadre picks the rest.
            await Expect(page.Locator("[data-field=证件号码]")).ToHaveValueAsync("身份证号码");
            await Screens.CaptureAsync(page, "import-choose-columns");
            await page.Locator("[data-field=基层工会代码]").SelectOptionAsync("工会编号");
            await page.Locator("#columns-submit").ClickAsync();
            await Expect(page.Locator("[data-field=用工形式]").Locator("xpath=..")).ToContainTextAsync("请为“用工形式”选择文件中的列");
            await page.Locator("[data-field=基层工会代码]").SelectOptionAsync("工会编号");
            await page.Locator("[data-field=用工形式]").SelectOptionAsync("用工性质");
            await page.Locator("#columns-submit").ClickAsync();

            var result = page.Locator("#import-result");
            await Expect(result).ToContainTextAsync("新增 1", new() { Timeout = 30_000 });
            await Expect(page.Locator("#rejection-reasons")).ToContainTextAsync("证件号码有误：1 行");
            await Expect(page.Locator("#rejection-reasons")).ToContainTextAsync("第 4 行");
            // Birth date and gender come from the ID number: an unreadable one is named once, not three times.
            await Expect(page.Locator("#rejection-reasons li")).ToHaveCountAsync(1);
            await Screens.CaptureAsync(page, "import-result-reasons");

            await page.Locator("#Upload").SetInputFilesAsync(second);
            await page.Locator("#import-submit").ClickAsync();
            await Expect(result).ToContainTextAsync("新增 1", new() { Timeout = 30_000 });
            await Expect(columns).ToHaveCountAsync(0);
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }
}