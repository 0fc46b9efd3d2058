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
            await Expect(page.Locator("#import-result")).ToContainTextAsync("文件有错误，未导入任何数据");
            await Expect(page.Locator("#import-result")).ToContainTextAsync("拒绝 1");
            await Expect(page.Locator("#error-report")).ToBeVisibleAsync();
            await Screens.CaptureAsync(page, "member-import-errors");

            await page.Locator("#Upload").SetInputFilesAsync(file);
            await page.Locator("#mode-valid").CheckAsync();
            await page.Locator("#import-submit").ClickAsync();
            await Expect(page.Locator("#import-result")).ToContainTextAsync("新增 1");

            await page.GotoAsync("/Members?q=建国");
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
}