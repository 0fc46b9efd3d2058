using System.Net.Http.Json;
using System.Text.Json;

using WorkersHome.BrowserTests.Infrastructure;
using WorkersHome.Modules.Assistance.MutualAid;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Cards;
using WorkersHome.Modules.Members;

namespace WorkersHome.BrowserTests;

/// <summary>医疗互助 on a phone: an enrolled member claims on a hospital bill, sees the amount worked out, and the county approves it.</summary>
public sealed class MutualAidClaimTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private HttpClient Api(string user)
    {
        var client = new HttpClient { BaseAddress = app.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new("Bearer", app.World.User(user).ApiToken);
        return client;
    }

    [Fact]
    public async Task An_enrolled_member_claims_on_a_hospital_bill_and_the_county_approves_it()
    {
        using var city = Api("zz.assist");
        var created = await city.PostAsJsonAsync("/api/assistance/programs",
            new NewProgram("职工医疗互助（测试）", ProgramType.MedicalMutualAid, app.World.Org("4101"), DateTime.UtcNow.Year, null, null, null));
        created.EnsureSuccessStatusCode();
        var programId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("program").GetProperty("id").GetInt64();
        (await city.PutAsJsonAsync($"/api/assistance/programs/{programId}/budgets", new BudgetAllocation(app.World.Org("4101"), 200_000, Guid.NewGuid()))).EnsureSuccessStatusCode();
        using var grassroots = Api("jc.assist");
        (await grassroots.PostAsJsonAsync($"/api/assistance/programs/{programId}/enrollments",
            new NewEnrollment(programId, app.World.ZhengzhouMember, null, null, EnrolleeKind.Member, 1, PremiumPayer.Union))).EnsureSuccessStatusCode();

        var idNumber = ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, Gender.Male);
        await using var phone = await app.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/m/Login");
        await MemberSignInSteps.EnterPhoneAndCodeAsync(page, app.Factory, "139" + idNumber[^8..]);
        await page.Locator("#Name").FillAsync("王建国");
        await page.Locator("#IdNumber").FillAsync(idNumber);
        await page.Locator("#link-submit").ClickAsync();

        // The member links a co-branded bank card to the service card; the claim is paid to it without typing an account.
        var account = "622200000000333" + CardNumber.CheckDigit("622200000000333");
        await page.Locator("#bank-link summary").ClickAsync();
        await page.Locator("#BankName").SelectOptionAsync("中原银行");
        await page.Locator("#AccountNumber").FillAsync(account);
        await page.Locator("#bank-submit").ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync($"联名银行卡：中原银行（尾号 {account[^4..]}）");
        await page.Locator("#card-aid").ClickAsync();
        await page.Locator($"[data-program='{programId}']").ClickAsync();
        await Expect(page.Locator("#program-rules")).ToContainTextAsync("本期医疗互助参保人");
        await page.Locator("#Hospital").FillAsync("郑州大学第一附属医院");
        await page.Locator("#Diagnosis").FillAsync("腰椎间盘突出手术");
        await page.Locator("#TotalCost").FillAsync("20000");
        await page.Locator("#InsurancePaid").FillAsync("25000");
        await Expect(page.Locator("#PayToCard")).ToBeCheckedAsync();
        await Expect(page.Locator("label[for=PayToCard]")).ToContainTextAsync($"中原银行 尾号 {account[^4..]}");
        await page.Locator("#aid-submit").ClickAsync();
        await Expect(page.Locator("#errors")).ToContainTextAsync("医保报销金额应为 0 或正数，且低于费用总额");
        await page.Locator("#InsurancePaid").FillAsync("7660");
        await page.Locator("#aid-submit").ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("（住院自付 12,340 元 − 起付线 1,000 元） × 70% = 7,938 元");
        await Expect(page.Locator("#my-applications .card").First).ToContainTextAsync("待审批");
        await Screens.CaptureAsync(page, "mutual-aid-claimed");

        await using (var county = await app.SignedInContextAsync(app.World.User("zy.assist")))
        {
            var list = await county.NewPageAsync();
            await list.GotoAsync("/Assistance/Applications?Waiting=true");
            await list.Locator("#applications tr", new() { HasText = "王建国" }).Locator("a").ClickAsync();
            await Expect(list.Locator("#diagnosis")).ToHaveTextAsync("腰椎间盘突出手术");
            await list.Locator("#approve").ClickAsync();
            await Expect(list.Locator("#application-status")).ToHaveTextAsync("已批准");
        }

        await page.ReloadAsync();
        await Expect(page.Locator("#my-applications .card").First).ToContainTextAsync("已批准");

        // The payment waits for finance, to the account linked to the card.
        using var finance = Api("zz.finance");
        var batch = await finance.PostAsJsonAsync("/api/assistance/batches", new { programId, orgId = app.World.Org("4101"), requestKey = Guid.NewGuid() });
        batch.EnsureSuccessStatusCode();
        var payment = (await batch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("payments")[0];
        (payment.GetProperty("toCardAccount").GetBoolean(), payment.GetProperty("bankName").GetString(), payment.GetProperty("accountMasked").GetString())
            .ShouldBe((true, "中原银行", "****" + account[^4..]));
    }
}