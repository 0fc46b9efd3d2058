using WorkersHome.BrowserTests.Infrastructure;
using WorkersHome.Modules.Members;

namespace WorkersHome.BrowserTests;

/// <summary>维权 in Chinese in the browser: a member files on a phone, the county handler recovers wages and resolves, a callback reopens it, a supervisor checks it; an agent answers from the knowledge base.</summary>
public sealed class RightsCaseTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_member_files_a_wage_complaint_on_a_phone_and_the_county_recovers_the_wages()
    {
        var idNumber = ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, Gender.Male);
        await using var phone = await app.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/m/Login");
        await MemberSignInSteps.EnterPhoneAndCodeAsync(page, app.Factory, "139" + idNumber[^8..]);
        await page.Locator("#Name").FillAsync("王建国");
        await page.Locator("#IdNumber").FillAsync(idNumber);
        await page.Locator("#link-submit").ClickAsync();
        await page.Locator("#card-rights").ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("职工维权");

        await page.Locator("#topic").SelectOptionAsync("WageArrears");
        await page.Locator("#employer-query").FillAsync("郑州测试机械");
        await page.Locator("#employer-search").ClickAsync();
        await page.Locator("label", new() { HasText = "郑州测试机械有限公司" }).ClickAsync();
        await page.Locator("#subject").FillAsync("车间拖欠两个月工资");
        await page.Locator("#details").FillAsync("九月、十月工资至今未发，车间共五人。");
        await page.Locator("#workers").FillAsync("5");
        await page.Locator("#rights-submit").ClickAsync();
        await Expect(page.Locator("#errors")).ToContainTextAsync("请填写拖欠工资金额");
        await page.Locator("#amount").FillAsync("31000");
        await page.Locator("#rights-submit").ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("已提交");
        await Expect(page.Locator("#my-cases")).ToContainTextAsync("待受理");
        await Screens.CaptureAsync(page, "rights-member-filed");

        await using (var county = await app.SignedInContextAsync(app.World.User("zy.rights")))
        {
            var queue = await county.NewPageAsync();
            await queue.GotoAsync("/Workbench");
            await queue.Locator("a.nav-link[href='/Rights']").ClickAsync();
            await queue.Locator("#cases tr", new() { HasText = "车间拖欠两个月工资" }).Locator("a").ClickAsync();
            await Expect(queue.Locator("#caller")).ToContainTextAsync("王*国");
            await queue.Locator("#accept-submit").ClickAsync();
            await Expect(queue.Locator("#case-status")).ToHaveTextAsync("办理中");
            await queue.Locator("#amount").FillAsync("31000");
            await queue.Locator("#workers").FillAsync("5");
            await queue.Locator("#recovered-on").FillAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd"));
            await queue.Locator("#wages-submit").ClickAsync();
            await Expect(queue.Locator("#recovered-total")).ToHaveTextAsync("31,000.00 元");
            await queue.Locator("#resolve-note").FillAsync("经约谈，企业已足额支付两个月工资");
            await queue.Locator("#resolve-submit").ClickAsync();
            await Expect(queue.Locator("#case-status")).ToHaveTextAsync("已办结待回访");
            await queue.Locator("#satisfaction-NotSatisfied").CheckAsync();
            await queue.Locator("#callback-note").FillAsync("加班费未计入");
            await queue.Locator("#callback-submit").ClickAsync();
            await Expect(queue.Locator("#case-status")).ToHaveTextAsync("办理中");
            await Expect(queue.Locator("#history")).ToContainTextAsync("不满意，案件重新办理");
            await queue.Locator("#resolve-note").FillAsync("加班费已补发");
            await queue.Locator("#resolve-submit").ClickAsync();
            await queue.Locator("#satisfaction-Satisfied").CheckAsync();
            await queue.Locator("#callback-submit").ClickAsync();
            await Expect(queue.Locator("#case-status")).ToHaveTextAsync("已结案");
            await Screens.CaptureAsync(queue, "rights-county-closed");
        }

        await using (var city = await app.SignedInContextAsync(app.World.User("zz.admin")))
        {
            var check = await city.NewPageAsync();
            await check.GotoAsync("/Rights?Filter.ForQualityCheck=true");
            await check.Locator("#cases tr", new() { HasText = "车间拖欠两个月工资" }).Locator("a").ClickAsync();
            await check.Locator("#passed-yes").CheckAsync();
            await check.Locator("#quality-submit").ClickAsync();
            await Expect(check.Locator("#history")).ToContainTextAsync("合格");
        }

        await page.ReloadAsync();
        await Expect(page.Locator("#my-cases")).ToContainTextAsync("已结案");
    }

    [Fact]
    public async Task An_agent_takes_a_call_and_answers_from_the_knowledge_base()
    {
        await using var desk = await app.SignedInContextAsync(app.World.User("agent"));
        var page = await desk.NewPageAsync();
        await page.GotoAsync("/Rights/Desk");
        await page.Locator("#anonymous").CheckAsync();
        await page.Locator("#topic").SelectOptionAsync("WageArrears");
        await page.Locator("#subject").FillAsync("加班费怎么算");
        await page.Locator("#knowledge-query").FillAsync("周末加班公司不给加班费怎么算");
        await page.Locator("#knowledge-search").ClickAsync();
        await Expect(page.Locator("#knowledge-answers li").First).ToContainTextAsync("加班");
        await page.Locator("#knowledge-answers li").First.Locator("button").ClickAsync();
        await Expect(page.Locator("#answer")).Not.ToBeEmptyAsync();
        await Screens.CaptureAsync(page, "rights-desk-answer");
        await page.Locator("#file-submit").ClickAsync();
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("已结案");
        await Expect(page.Locator("#history")).ToContainTextAsync("当场解答结案");
    }
}