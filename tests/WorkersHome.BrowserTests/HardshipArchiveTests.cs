using WorkersHome.BrowserTests.Infrastructure;
using WorkersHome.Modules.Members;

namespace WorkersHome.BrowserTests;

/// <summary>A member applies for the hardship archive on a phone; the grassroots union checks and proposes; the county union approves.</summary>
public sealed class HardshipArchiveTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Row(int i, string field) => $"[name='Form.Household[{i}].{field}']";

    [Fact]
    public async Task A_member_applies_on_a_phone_and_the_union_and_county_review_it()
    {
        var idNumber = ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, Gender.Male);
        await using var phone = await app.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/m/Login");
        await MemberSignInSteps.EnterPhoneAndCodeAsync(page, app.Factory, "139" + idNumber[^8..]);
        await page.Locator("#Name").FillAsync("王建国");
        await page.Locator("#IdNumber").FillAsync(idNumber);
        await page.Locator("#link-submit").ClickAsync();
        await page.Locator("#card-hardship").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("困难职工建档");

        await page.Locator(Row(0, "Name")).FillAsync("王建国");
        await page.Locator(Row(0, "Age")).FillAsync("41");
        await page.Locator(Row(0, "Health")).SelectOptionAsync("SeriousIllness");
        await page.Locator(Row(0, "MonthlyIncome")).FillAsync("1800");
        await page.Locator(Row(1, "Name")).FillAsync("王小雨");
        await page.Locator(Row(1, "Relation")).SelectOptionAsync("子女");
        await page.Locator(Row(1, "Age")).FillAsync("150");
        await page.Locator(Row(1, "Health")).SelectOptionAsync("Healthy");
        await page.Locator(Row(1, "MonthlyIncome")).FillAsync("0");
        await page.Locator("#Form_Housing").SelectOptionAsync("Rented");
        await page.Locator("#cause-Illness").CheckAsync();
        await page.Locator("#cause-Education").CheckAsync();
        await page.Locator("#primary-Illness").CheckAsync();
        await page.Locator("#Form_Needs").FillAsync("住院费用负担重，孩子学费有困难");
        await page.Locator("#hardship-submit").ClickAsync();
        await Expect(page.Locator("#hardship-form")).ToContainTextAsync("家庭成员第 2 行：年龄应在 0–120 之间");
        await page.Locator(Row(1, "Age")).FillAsync("15");
        await page.Locator("#hardship-submit").ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("已提交");
        await Expect(page.Locator("#my-file-status")).ToHaveTextAsync("待基层核实");
        await Screens.CaptureAsync(page, "hardship-applied");

        string fileUrl;
        await using (var union = await app.SignedInContextAsync(app.World.User("jc.assist")))
        {
            var list = await union.NewPageAsync();
            await list.GotoAsync("/Workbench");
            await list.Locator("a.nav-link[href='/Assistance']").ClickAsync();
            await list.Locator("#hardship-files tr", new() { HasText = "王建国" }).Locator("a").ClickAsync();
            await Expect(list.Locator("#household-table")).ToContainTextAsync("王小雨");
            await Expect(list.Locator("#income-outcome")).ToHaveTextAsync("家庭月收入 1,800 元 ÷ 2 人 = 900.00 元，不高于困难标准 1,000 元");
            await Expect(list.Locator("#propose-submit")).ToBeDisabledAsync();
            await list.Locator("#Family").CheckAsync();
            await list.Locator("#Cause").CheckAsync();
            await list.Locator("#Needs").CheckAsync();
            await list.Locator("#checks-submit").ClickAsync();
            await list.Locator("#propose-submit").ClickAsync();
            await Expect(list.Locator("#file-status")).ToHaveTextAsync("待上级审批");
            fileUrl = list.Url;
        }

        await using (var county = await app.SignedInContextAsync(app.World.User("zy.assist")))
        {
            var file = await county.NewPageAsync();
            await file.GotoAsync(fileUrl);
            await Screens.CaptureAsync(file, "hardship-approval");
            await file.Locator("#approve-submit").ClickAsync();
            await Expect(file.Locator("#file-status")).ToHaveTextAsync("在档");
            await Expect(file.Locator("#history")).ToContainTextAsync("审批通过，纳入档案");
        }

        await page.ReloadAsync();
        await Expect(page.Locator("#my-file-status")).ToHaveTextAsync("在档");
    }
}