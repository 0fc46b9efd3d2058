using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using WorkersHome.BrowserTests.Infrastructure;
using WorkersHome.Modules.Members;
using WorkersHome.Testing;

namespace WorkersHome.BrowserTests;

/// <summary>A member on a phone: SMS sign-in, first-time check, the card with its live QR code, and reporting it lost.</summary>
public sealed class MemberCardTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static readonly string IdNumber = ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, Gender.Male);
    private static readonly string Phone = "139" + IdNumber[^8..].Replace('X', '0');

    private async Task<string> VerifyAsync(string token)
    {
        using var client = new HttpClient { BaseAddress = app.BaseUrl };
        var response = await client.PostAsJsonAsync("/api/cards/verify", new { token });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString()!;
    }

    [Fact]
    public async Task A_member_signs_in_on_a_phone_sees_the_card_with_a_QR_code_that_verifies_and_reports_it_lost()
    {
        await using var context = await app.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("#hero-member-sign-in").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("会员登录");
        await MemberSignInSteps.EnterPhoneAndCodeAsync(page, app.Factory, Phone);
        await Expect(page.Locator("h1")).ToHaveTextAsync("核对会员身份");
        await page.Locator("#Name").FillAsync("王建国");
        await page.Locator("#IdNumber").FillAsync(IdNumber[..17] + (IdNumber[17] == '1' ? '2' : '1'));
        await page.Locator("#link-submit").ClickAsync();
        await Expect(page.Locator("#link-error")).ToContainTextAsync("未匹配到在册会员");
        await page.Locator("#IdNumber").FillAsync(IdNumber);
        await page.Locator("#link-submit").ClickAsync();

        await Expect(page.Locator("#card-holder")).ToHaveTextAsync("王建国");
        await Expect(page.Locator("#card-status")).ToHaveTextAsync("正常");
        await Expect(page.Locator("#card-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^6288 41[0-9]{2}( [0-9]{4}){2} [0-9]{3}$"));
        await Expect(page.Locator("#card-qr svg")).ToBeVisibleAsync();
        var token = await page.Locator("#card-token").InputValueAsync();
        (await VerifyAsync(token)).ShouldBe("有效会员卡");
        await Screens.CaptureAsync(page, "member-card-phone");

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.Locator("#card-action-ReportLost").ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("会员卡已挂失");
        await Expect(page.Locator("#card-status")).ToHaveTextAsync("已挂失");
        await Expect(page.Locator("#card-unusable")).ToBeVisibleAsync();
        await Expect(page.Locator("#card-qr")).ToHaveCountAsync(0);
        (await VerifyAsync(token)).ShouldBe("会员卡已挂失");
        await Expect(page.Locator("#card-action-Reissue")).ToBeVisibleAsync();
        await Screens.CaptureAsync(page, "member-card-lost");
    }
}