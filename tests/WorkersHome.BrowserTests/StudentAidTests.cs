using System.Net.Http.Json;
using System.Text.Json;

using WorkersHome.BrowserTests.Infrastructure;
using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Members;
using WorkersHome.Testing;

namespace WorkersHome.BrowserTests;

/// <summary>金秋助学 on a phone: a hardship household applies for a child at university, sees the amount by school level, and the county approves it.</summary>
public sealed class StudentAidTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_member_applies_for_student_aid_on_a_phone_and_the_county_approves_it()
    {
        using var city = new HttpClient { BaseAddress = app.BaseUrl };
        city.DefaultRequestHeaders.Authorization = new("Bearer", app.World.User("zz.assist").ApiToken);
        var created = await city.PostAsJsonAsync("/api/assistance/programs",
            new NewProgram("金秋助学（测试）", ProgramType.StudentAid, app.World.Org("4101"), DateTime.UtcNow.Year, null, null, null));
        created.EnsureSuccessStatusCode();
        var programId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("program").GetProperty("id").GetInt64();
        (await city.PutAsJsonAsync($"/api/assistance/programs/{programId}/budgets", new BudgetAllocation(app.World.Org("4101"), 100_000, Guid.NewGuid()))).EnsureSuccessStatusCode();
        await HardshipSeeding.PutInArchiveAsync(app.Factory, app.World.ZhengzhouMember, HardshipCause.Illness | HardshipCause.Education);

        var idNumber = ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, Gender.Male);
        await using var phone = await app.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/m/Login");
        await MemberSignInSteps.EnterPhoneAndCodeAsync(page, app.Factory, "139" + idNumber[^8..]);
        await page.Locator("#Name").FillAsync("王建国");
        await page.Locator("#IdNumber").FillAsync(idNumber);
        await page.Locator("#link-submit").ClickAsync();
        await page.Locator("#card-aid").ClickAsync();
        await page.Locator($"[data-program='{programId}']").ClickAsync();
        await Expect(page.Locator("#program-rules")).ToContainTextAsync("本科 5,000 元");
        await page.Locator("[name='Input.Household[0].Name']").FillAsync("王小雨");
        await page.Locator("[name='Input.Household[0].Relation']").FillAsync("子女");
        await page.Locator("[name='Input.Household[0].IdNumber']").FillAsync(ResidentIdNumber.Compose("410102", new DateOnly(2007, 9, 1), 8, Gender.Female));
        await page.Locator("#aid-submit").ClickAsync();
        await Expect(page.Locator("#errors")).ToContainTextAsync("请选择就读学段");
        await page.Locator("#SchoolLevel").SelectOptionAsync("Undergraduate");
        await page.Locator("#Description").FillAsync("女儿考入郑州大学");
        await page.Locator("#BankName").FillAsync("中国工商银行郑州分行");
        await page.Locator("#AccountNumber").FillAsync("6222020200001234567");
        await page.Locator("#aid-submit").ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("本科资助标准 5,000 元");
        var mine = page.Locator("#my-applications .card").First;
        await Expect(mine).ToContainTextAsync("待审批");
        await Expect(mine).ToContainTextAsync("5,000 元");
        await Screens.CaptureAsync(page, "student-aid-applied");

        await using (var county = await app.SignedInContextAsync(app.World.User("zy.assist")))
        {
            var list = await county.NewPageAsync();
            await list.GotoAsync("/Workbench");
            await list.Locator("#applications-waiting").ClickAsync();
            await list.Locator("#applications tr", new() { HasText = "王建国" }).Locator("a").ClickAsync();
            await Expect(list.Locator("#explanation")).ToHaveTextAsync("本科资助标准 5,000 元");
            await Expect(list.Locator("#facts")).ToContainTextAsync("女儿考入郑州大学");
            await Screens.CaptureAsync(list, "student-aid-approval");
            await list.Locator("#approve").ClickAsync();
            await Expect(list.Locator("#application-status")).ToHaveTextAsync("已批准");
            await Expect(list.Locator("#history")).ToContainTextAsync("批准 5,000 元");
        }

        await page.ReloadAsync();
        await Expect(page.Locator("#my-applications .card").First).ToContainTextAsync("已批准");
    }
}