using Microsoft.EntityFrameworkCore;

using WorkersHome.BrowserTests.Infrastructure;
using WorkersHome.Modules.Members;
using WorkersHome.Testing;

namespace WorkersHome.BrowserTests;

/// <summary>A worker joins online on a phone; the union's member officer approves in the queue.</summary>
public sealed class JoinOnlineTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_worker_applies_on_a_phone_and_the_officer_approves_from_the_queue()
    {
        const string Phone = "13500000031";
        var idNumber = ResidentIdNumber.Compose("410102", new DateOnly(1994, 10, 1), 66, Gender.Female);
        await using var phone = await app.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("a[href='/m/Join']").First.ClickAsync();
        await MemberSignInSteps.EnterPhoneAndCodeAsync(page, app.Factory, Phone);
        await Expect(page.Locator("h1")).ToHaveTextAsync("网上入会");
        await page.Locator("#Q").FillAsync("郑州测试");
        await page.Locator("#union-search-submit").ClickAsync();
        await page.Locator("#union-results label", new() { HasText = "郑州测试机械有限公司工会委员会" }).Locator("input").CheckAsync();
        await page.Locator("#Form_Name").FillAsync("孙丽");
        await page.Locator("#Form_IdNumber").FillAsync(idNumber[..17] + (idNumber[17] == '1' ? '2' : '1'));
        await page.Locator("#Form_EmployerName").FillAsync("郑州测试机械有限公司");
        await page.Locator("#join-submit").ClickAsync();
        await Expect(page.Locator("#join-form")).ToContainTextAsync("校验位");
        await page.Locator("#Form_IdNumber").FillAsync(idNumber);
        await page.Locator("#join-submit").ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("入会申请已提交");
        await Expect(page.Locator("#my-applications [data-status]")).ToHaveTextAsync("待审核");
        await Screens.CaptureAsync(page, "join-applied");

        await using (var officer = await app.SignedInContextAsync(app.World.User("zz.officer")))
        {
            var queue = await officer.NewPageAsync();
            await queue.GotoAsync("/Members");
            await queue.Locator("#applications-link").ClickAsync();
            var row = queue.Locator("#applications tr", new() { HasText = "孙丽" });
            await Expect(row).ToContainTextAsync(idNumber[..6] + "********" + idNumber[^4..]);
            await Screens.CaptureAsync(queue, "join-queue");
            await row.Locator("[data-approve]").ClickAsync();
            await Expect(queue.Locator("[role=status]")).ToContainTextAsync("已通过");
            await Expect(queue.Locator("#applications")).Not.ToContainTextAsync("孙丽");
        }

        await page.ReloadAsync();
        await Expect(page.Locator("#my-applications [data-status]")).ToHaveTextAsync("已通过");
    }
}