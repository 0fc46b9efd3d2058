using System.Text;

using Microsoft.EntityFrameworkCore;

using WorkersHome.BrowserTests.Infrastructure;
using WorkersHome.Modules.Members;
using WorkersHome.Testing;

namespace WorkersHome.BrowserTests;

public sealed class MemberRegistryTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Header = "姓名,性别,民族,证件类型,证件号码,出生日期,手机号码,学历,政治面貌,基层工会代码,工作单位,用工形式,平台名称,是否农民工,户籍所在地,入会日期";

    private static string Row(string name, string id) =>
        $"{name},男,汉族,居民身份证,{id},,13812345678,,群众,{TestWorld.ZhengzhouUnionCode},郑州测试机械有限公司,全日制,,否,,2019-09-01";

    [Fact]
    public async Task An_officer_imports_a_file_with_errors_then_the_valid_rows_and_reveals_one_member()
    {
        var good = ResidentIdNumber.Compose("410184", new DateOnly(1993, 4, 4), 9, Gender.Male);
        var bad = good[..17] + (good[17] == '1' ? '2' : '1');
        var file = Path.Combine(Path.GetTempPath(), $"members-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, string.Join("\n", Header, Row("刘建国", good), Row("刘错号", bad)), new UTF8Encoding(true));
        try
        {
            await using var context = await app.SignedInContextAsync(app.World.User("zz.officer"));
            var page = await context.NewPageAsync();
            await page.GotoAsync("/Members");
            await page.Locator("#import-link").ClickAsync();

            await page.Locator("#Upload").SetInputFilesAsync(file);
            await page.Locator("#import-submit").ClickAsync();
            // The import runs in the background; its page (the import's own address) follows it to the end.
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Members/Import\\?id="));
            await Expect(page.Locator("#import-bar")).ToBeVisibleAsync();
            await Expect(page.Locator("#import-result")).ToContainTextAsync("文件有错误，未导入任何数据", new() { Timeout = 30_000 });
            await Expect(page.Locator("#import-result")).ToContainTextAsync("拒绝 1");
            await Expect(page.Locator("#import-bar")).ToHaveTextAsync("100%");
            await page.ReloadAsync();
            await Expect(page.Locator("#import-result")).ToContainTextAsync("拒绝 1");
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#error-report").ClickAsync());
            var report = await File.ReadAllTextAsync(await download.PathAsync());
            report.ShouldContain("居民身份证号码校验位不正确");
            await Expect(page.Locator("#recent-imports")).ToContainTextAsync("有错误未导入");
            await Screens.CaptureAsync(page, "member-import-errors");

            await page.Locator("#Upload").SetInputFilesAsync(file);
            await page.Locator("#mode-valid").CheckAsync();
            await page.Locator("#import-submit").ClickAsync();
            await Expect(page.Locator("#import-result")).ToContainTextAsync("新增 1", new() { Timeout = 30_000 });

            await page.GotoAsync("/Members");
            await page.Locator("#member-search").FillAsync("建国");
            await page.Locator("#member-search-submit").ClickAsync();
            var row = page.Locator("#members tr", new() { HasText = "刘建国" });
            await Expect(row.Locator("[data-field=id]")).ToHaveTextAsync(good[..6] + "********" + good[^4..]);
            await row.Locator("button.reveal").ClickAsync();
            await Expect(row.Locator("[data-field=id]")).ToHaveTextAsync(good);
            await Screens.CaptureAsync(page, "member-list-revealed");

            await using var scope = app.Factory.WholeTreeScope(out var db);
            (await db.AuditEntries.CountAsync(a => a.Action == "member.revealed" && a.ActorName == "zz.officer")).ShouldBe(1);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_officer_finds_a_member_by_full_id_number_and_exports_the_filtered_list()
    {
        var id = ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, Gender.Male);
        await using var context = await app.SignedInContextAsync(app.World.User("zz.officer"));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Members");
        await page.Locator("#member-search").FillAsync(id);
        await page.Locator("#member-search-submit").ClickAsync();
        await Expect(page.Locator("#members tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#members tbody tr").First).ToContainTextAsync("王建国");
        await Expect(page.Locator("#members tbody tr [data-field=id]")).ToHaveTextAsync(id[..6] + "********" + id[^4..]);
        (page.Url.Contains(id, StringComparison.Ordinal) ? "address" : "").ShouldBe("", "a search for an ID number keeps it out of the address");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-link").ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".xlsx");
        var rows = MiniExcelLibs.MiniExcel.Query(await download.PathAsync(), useHeaderRow: true, excelType: MiniExcelLibs.ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(1);
        rows[0]["姓名"]!.ToString().ShouldBe("王建国");

        await using var scope = app.Factory.WholeTreeScope(out var db);
        var audit = await db.AuditEntries.Where(a => a.Action == "member.exported" && a.ActorName == "zz.officer").ToListAsync();
        audit.ShouldHaveSingleItem().Detail!.ShouldContain("\"Rows\":1");
    }
}