using System.Net.Http.Json;

using Microsoft.Extensions.DependencyInjection;

using WorkersHome.BrowserTests.Infrastructure;
using WorkersHome.Modules.Cards;
using WorkersHome.Modules.Cards.Tokens;
using WorkersHome.Modules.Merchants;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Testing;

namespace WorkersHome.BrowserTests;

/// <summary>A union administrator onboards a merchant; its cashier, on a phone, checks a member's code and records a sale once.</summary>
public sealed class MerchantTillTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_administrator_onboards_a_merchant_and_its_till_checks_a_code_and_records_the_sale_once()
    {
        await using (var admin = await app.SignedInContextAsync(app.World.User("zz.admin")))
        {
            var page = await admin.NewPageAsync();
            await page.GotoAsync("/Merchants");
            await page.Locator("#Name").FillAsync("二七职工便利店");
            await page.Locator("#CreditCode").FillAsync("914101000000000000");
            await page.Locator("#Category").SelectOptionAsync("Shopping");
            await page.Locator("#Address").FillAsync("郑州市二七区测试路 8 号");
            await page.Locator("#Latitude").FillAsync("34.73");
            await page.Locator("#Longitude").FillAsync("113.64");
            await page.Locator("#onboard-submit").ClickAsync();
            await Expect(page.Locator("#onboard-form")).ToContainTextAsync("统一社会信用代码不正确");
            await page.Locator("#CreditCode").FillAsync(CreditCode.WithCheck("91410103MA4000088"));
            await page.Locator("#onboard-submit").ClickAsync();
            await Expect(page.Locator("#merchant-name")).ToHaveTextAsync("二七职工便利店");

            await page.Locator("#Title").FillAsync("会员九折");
            await page.Locator("#Value").FillAsync("10");
            await page.Locator("#offer-submit").ClickAsync();
            await Expect(page.Locator("#offers")).ToContainTextAsync("会员九折：10% 优惠");
            await page.Locator("#UserName").FillAsync("erqi.till");
            await page.Locator("#DisplayName").FillAsync("收银员");
            await page.Locator("#Password").FillAsync("Till-Password-1");
            await page.Locator("#staff-submit").ClickAsync();
            await Expect(page.Locator("#staff")).ToContainTextAsync("erqi.till");
            await Screens.CaptureAsync(page, "merchant-detail");
        }

        var token = await MemberTokenAsync();
        await using var phone = await PhoneAsync();
        var till = await SignedInTillAsync(phone, "erqi.till", "二七职工便利店");

        await till.Locator("#Token").FillAsync("WHC1.not-a-card");
        await till.Locator("#check-submit").ClickAsync();
        await Expect(till.Locator("#till-verdict")).ToHaveTextAsync("无法识别的二维码");

        await till.Locator("#Token").FillAsync(token);
        await till.Locator("#check-submit").ClickAsync();
        await Expect(till.Locator("#till-verdict")).ToHaveTextAsync("有效会员卡");
        await Expect(till.Locator("#till-holder")).ToContainTextAsync("王*国");
        await till.Locator("#SaleAmount").FillAsync("120");
        await Screens.CaptureAsync(till, "till-check");
        await till.Locator("#redeem-submit").ClickAsync();
        await Expect(till.Locator("#till-recorded")).ToContainTextAsync("交易已记录");
        await Expect(till.Locator("#till-recorded")).ToContainTextAsync("优惠 12.00 元，实付 108.00 元");
        await Expect(till.Locator("#Token")).ToHaveValueAsync("", new() { Timeout = 5_000 });

        // The same code again (a re-scan, a retry, a second till) gets the recorded sale back, not a second one; a
        // cashier who typed a new amount reads that the code already paid for the earlier sale, and that sale's amount.
        await till.Locator("#Token").FillAsync(token);
        await till.Locator("#check-submit").ClickAsync();
        await till.Locator("#SaleAmount").FillAsync("99");
        await till.Locator("#redeem-submit").ClickAsync();
        await Expect(till.Locator("#till-already-used")).ToContainTextAsync("此会员码已用于");
        await Expect(till.Locator("#till-already-used")).ToContainTextAsync("的一笔 120.00 元消费，未重复计入");
        await Expect(till.Locator("#till-already-used")).ToContainTextAsync("请让会员刷新二维码后重新扫码");
        await Expect(till.Locator("#till-already-used")).Not.ToContainTextAsync("99");
        await Expect(till.Locator("#till-recorded")).ToHaveCountAsync(0);
        await Screens.CaptureAsync(till, "till-recorded");

        await till.Locator("#till-statement").ClickAsync();
        await Expect(till.Locator("#statement-total")).ToContainTextAsync("120.00");
        await Expect(till.Locator("#statement-total")).ToContainTextAsync("12.00");

        // Members find the shop in the public directory, on the list and as a marker on the map.
        var directory = await phone.NewPageAsync();
        await directory.GotoAsync("/m/Merchants");
        await Expect(directory.Locator("#directory")).ToContainTextAsync("二七职工便利店");
        await Expect(directory.Locator("#directory")).ToContainTextAsync("会员九折：10% 优惠");
        await Expect(directory.Locator("#directory-map.leaflet-container")).ToBeVisibleAsync();
        await Expect(directory.Locator("#directory-map path.leaflet-interactive").First).ToBeAttachedAsync();
        await Screens.CaptureAsync(directory, "merchant-directory");
    }

    /// <summary>A fresh code of the Zhengzhou member's card, as their phone would show it.</summary>
    private async Task<string> MemberTokenAsync()
    {
        using var officer = Api("zz.officer");
        var card = await (await officer.PostAsync($"/api/members/{app.World.ZhengzhouMember}/card", null)).Content.ReadFromJsonAsync<CardView>(TestJson.Options);
        return app.Factory.Services.GetRequiredService<CardTokenIssuer>().Issue(card!.Id).Token;
    }

    private Task<IBrowserContext> PhoneAsync() =>
        app.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });

    private static async Task<IPage> SignedInTillAsync(IBrowserContext phone, string user, string merchant)
    {
        var till = await phone.NewPageAsync();
        await till.GotoAsync("/shop");
        await till.Locator("#UserName").FillAsync(user);
        await till.Locator("#Password").FillAsync("Till-Password-1");
        await till.Locator("#till-login-submit").ClickAsync();
        await Expect(till.Locator("#till-merchant")).ToHaveTextAsync(merchant);
        return till;
    }

    private HttpClient Api(string user)
    {
        var client = new HttpClient { BaseAddress = app.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new("Bearer", app.World.User(user).ApiToken);
        return client;
    }

    [Fact]
    public async Task A_till_without_a_connection_checks_codes_itself_and_sends_the_sales_when_it_is_back_online()
    {
        using var admin = Api("zz.admin");
        var created = await admin.PostAsJsonAsync("/api/merchants", new
        {
            Name = "离线测试书店",
            CreditCode = CreditCode.WithCheck("91410103MA4000099"),
            Category = "Education",
            Address = "郑州市测试路 9 号",
            Latitude = 34.74,
            Longitude = 113.65,
        }, TestJson.Options);
        var merchantId = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        (await admin.PostAsJsonAsync($"/api/merchants/{merchantId}/offers", new { Title = "图书九折", Kind = "Percent", Value = 10, ValidFrom = "2020-01-01", ValidTo = "2099-12-31", Limit = "Unlimited" }, TestJson.Options))
            .EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/merchants/{merchantId}/staff", new { UserName = "offline.till", Password = "Till-Password-1" }, TestJson.Options)).EnsureSuccessStatusCode();
        var token = await MemberTokenAsync();
        await using var phone = await PhoneAsync();
        var till = await SignedInTillAsync(phone, "offline.till", "离线测试书店");
        // The till keeps the keys, the revocation list and its offers for when the connection goes.
        await till.WaitForFunctionAsync("() => localStorage.getItem('wh-till-cache') !== null");

        await phone.SetOfflineAsync(true);
        await till.Locator("#Token").FillAsync(token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..]);
        await till.Locator("#check-submit").ClickAsync();
        await Expect(till.Locator("#offline-panel [data-verdict]")).ToHaveTextAsync("签名无效，二维码可能被篡改");
        await till.Locator("#Token").FillAsync(token);
        await till.Locator("#check-submit").ClickAsync();
        await Expect(till.Locator("#offline-panel [data-verdict]")).ToHaveTextAsync("有效会员卡（离线核验）");
        await Expect(till.Locator("#offline-panel [data-offers]")).ToContainTextAsync("图书九折");
        await till.Locator("#offline-panel [data-amount]").FillAsync("80");
        await till.Locator("#offline-record").ClickAsync();
        await Expect(till.Locator("#sync-status")).ToHaveTextAsync("待同步的离线交易：1 笔");
        await Screens.CaptureAsync(till, "till-offline");

        await phone.SetOfflineAsync(false);
        await till.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");
        await Expect(till.Locator("#sync-status")).ToContainTextAsync("离线交易已同步：1 笔");
        await using var scope = app.Factory.WholeTreeScope(out var db);
        var sales = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Redemptions.Where(r => r.MerchantId == merchantId));
        sales.Count.ShouldBe(1);
        sales[0].Discount.ShouldBe(8m);
    }
}