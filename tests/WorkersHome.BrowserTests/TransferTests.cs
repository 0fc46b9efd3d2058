using Microsoft.EntityFrameworkCore;

using WorkersHome.BrowserTests.Infrastructure;
using WorkersHome.Modules.Members;
using WorkersHome.Testing;

namespace WorkersHome.BrowserTests;

/// <summary>A member asks on a phone to move to a union in another city; the receiving union accepts, the sending union confirms.</summary>
public sealed class TransferTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_member_moves_to_another_city_and_both_unions_act_in_their_pages()
    {
        var idNumber = ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, Gender.Male);
        var phoneNumber = "139" + idNumber[^8..].Replace('X', '0');
        await using var phone = await app.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/m/Transfer");
        await MemberSignInSteps.EnterPhoneAndCodeAsync(page, app.Factory, phoneNumber);
        await page.Locator("#Name").FillAsync("王建国");
        await page.Locator("#IdNumber").FillAsync(idNumber);
        await page.Locator("#link-submit").ClickAsync();
        await page.Locator("#card-transfer").ClickAsync();
        await page.Locator("#Q").FillAsync("洛阳测试");
        await page.Locator("#transfer-search").ClickAsync();
        await page.Locator("#transfer-form input[type=radio]").First.CheckAsync();
        await page.Locator("#transfer-submit").ClickAsync();
        await Expect(page.Locator("#my-transfers [data-status]")).ToHaveTextAsync("待转入工会接收");
        await Screens.CaptureAsync(page, "transfer-requested");

        await using (var luoyang = await app.SignedInContextAsync(app.World.User("ly.officer")))
        {
            var list = await luoyang.NewPageAsync();
            await list.GotoAsync("/Members/Transfers");
            await list.Locator("#transfers tr", new() { HasText = "王建国" }).Locator("[data-accept]").ClickAsync();
            await Expect(list.Locator("[role=status]")).ToContainTextAsync("已接收");
        }

        await using (var zhengzhou = await app.SignedInContextAsync(app.World.User("zz.officer")))
        {
            var list = await zhengzhou.NewPageAsync();
            await list.GotoAsync("/Members");
            await list.Locator("#transfers-link").ClickAsync();
            await list.Locator("#transfers tr", new() { HasText = "王建国" }).Locator("[data-confirm]").ClickAsync();
            await Expect(list.Locator("[role=status]")).ToContainTextAsync("会籍已转移");
            await Screens.CaptureAsync(list, "transfer-confirmed");
        }

        await page.ReloadAsync();
        await Expect(page.Locator("#my-transfers [data-status]")).ToHaveTextAsync("已完成");
        await page.GotoAsync("/m/Card");
        await Expect(page.Locator("#card-union")).ToHaveTextAsync("洛阳测试轴承有限公司工会委员会");
    }
}