using System.Text.RegularExpressions;

using Microsoft.EntityFrameworkCore;

using WorkersHome.BrowserTests.Infrastructure;
using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Testing;

namespace WorkersHome.BrowserTests;

public sealed class UnionEditingTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string WrongCheckCharacter = "91350100M000100Y44";
    private const string ValidCreditCode = "91350100M000100Y43";

    [Fact]
    public async Task Administrator_fixes_a_wrong_credit_code_and_changes_the_chair()
    {
        var id = app.World.Org(TestWorld.ZhengzhouUnionCode);
        var before = await UnitAsync(id);
        await using var context = await app.SignedInContextAsync(app.World.User("zz.admin"));
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/Organizations/Node/{id}");
        await page.Locator("#action-edit").ClickAsync();
        await page.Locator("#Input_CreditCode").FillAsync(WrongCheckCharacter);
        await page.Locator("#union-save").ClickAsync();

        await Expect(page.Locator("[data-error-for=CreditCode]")).ToHaveTextAsync("统一社会信用代码校验位不正确");
        await Expect(page.Locator("#Input_CreditCode")).ToHaveClassAsync(new Regex(@"\bis-invalid\b"));
        await Screens.CaptureAsync(page, "union-edit-invalid");
        var unsaved = await UnitAsync(id);
        unsaved.Version.ShouldBe(before.Version);
        unsaved.CreditCode.ShouldBe(before.CreditCode);

        await page.Locator("#Input_CreditCode").FillAsync(ValidCreditCode);
        await page.Locator("#Input_ChairName").FillAsync("王建国");
        await page.Locator("#union-save").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/Organizations/Node/{id}$"));
        await Expect(page.Locator("#node-details")).ToContainTextAsync("王建国");
        await Expect(page.Locator("#node-details")).ToContainTextAsync(ValidCreditCode);
        await Expect(page.Locator("#node-history")).ToContainTextAsync("修改了信用代码、主席");
        await Screens.CaptureAsync(page, "union-node-after-edit");
    }

    [Fact]
    public async Task A_second_editor_saving_a_stale_form_is_told_someone_else_changed_it()
    {
        var id = await AnotherZhengzhouUnionAsync();
        await using var context = await app.SignedInContextAsync(app.World.User("zz.admin"));
        var first = await context.NewPageAsync();
        var second = await context.NewPageAsync();
        await first.GotoAsync($"/Organizations/Edit/{id}");
        await second.GotoAsync($"/Organizations/Edit/{id}");

        await first.Locator("#Input_ChairName").FillAsync("李先到");
        await first.Locator("#union-save").ClickAsync();
        await Expect(first).ToHaveURLAsync(new Regex($"/Organizations/Node/{id}$"));

        await second.Locator("#Input_ChairName").FillAsync("张后到");
        await second.Locator("#union-save").ClickAsync();
        await Expect(second.Locator("#conflict")).ToContainTextAsync("数据已被他人修改");
        await Screens.CaptureAsync(second, "union-edit-conflict");
        (await UnitAsync(id)).ChairName.ShouldBe("李先到");
    }

    private async Task<OrgUnit> UnitAsync(long id)
    {
        await using var scope = app.Factory.WholeTreeScope(out var db);
        return await TestWorld.FindUnitAsync(db, id);
    }

    /// <summary>A generated union, so this test never races the other one over the same row.</summary>
    private async Task<long> AnotherZhengzhouUnionAsync()
    {
        var zhengzhou = await UnitAsync(app.World.Org("4101"));
        await using var scope = app.Factory.WholeTreeScope(out var db);
        return await db.OrgUnits.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Level == OrgLevel.Grassroots && o.Status == OrgStatus.Active && o.Path.StartsWith(zhengzhou.Path) && o.Code != TestWorld.ZhengzhouUnionCode)
            .OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
    }
}