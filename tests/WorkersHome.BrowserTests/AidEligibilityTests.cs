using System.Net.Http.Json;
using System.Text.Json;

using WorkersHome.BrowserTests.Infrastructure;
using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Members;
using WorkersHome.Testing;

namespace WorkersHome.BrowserTests;

/// <summary>On a phone, /m/Aid says up front which programs the member may apply to, and why not, before any form is filled.</summary>
public sealed class AidEligibilityTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_program_list_shows_eligibility_with_the_reason_and_offers_no_form_for_an_ineligible_program()
    {
        using var city = new HttpClient { BaseAddress = app.BaseUrl };
        city.DefaultRequestHeaders.Authorization = new("Bearer", app.World.User("zz.assist").ApiToken);
        var relief = await ProgramAsync(city, new NewProgram("困难救助（测试）", ProgramType.LivingRelief, app.World.Org("4101"), DateTime.UtcNow.Year, null, null,
            new ProgramRules { FixedAmount = 500 }));
        var students = await ProgramAsync(city, new NewProgram("金秋助学（资格测试）", ProgramType.StudentAid, app.World.Org("4101"), DateTime.UtcNow.Year, null, null, null));

        var idNumber = ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, Gender.Male);
        await using var phone = await app.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/m/Login");
        await MemberSignInSteps.EnterPhoneAndCodeAsync(page, app.Factory, "139" + idNumber[^8..]);
        await page.Locator("#Name").FillAsync("王建国");
        await page.Locator("#IdNumber").FillAsync(idNumber);
        await page.Locator("#link-submit").ClickAsync();
        await page.GotoAsync("/m/Aid");

        var open = page.Locator($"[data-program='{relief}']");
        await Expect(open).ToHaveAttributeAsync("data-eligible", "true");
        await Expect(open).ToContainTextAsync("可申请");
        var closed = page.Locator($"[data-program='{students}']");
        await Expect(closed).ToHaveAttributeAsync("data-eligible", "false");
        await Expect(closed).ToContainTextAsync("暂不符合条件");
        await Expect(closed).ToContainTextAsync("须为在档困难职工家庭");
        await Expect(page.Locator($"a[href*='ProgramId={students}']")).ToHaveCountAsync(0);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "the list fits the phone's width");
        await Screens.CaptureAsync(page, "aid-eligibility");

        // A typed address does not bring the form up either; the eligible one does.
        await page.GotoAsync($"/m/Aid?ProgramId={students}");
        await Expect(page.Locator("#aid-form")).ToHaveCountAsync(0);
        await page.GotoAsync("/m/Aid");
        await open.ClickAsync();
        await Expect(page.Locator("#aid-form")).ToBeVisibleAsync();

        // Once the household is in the archive, the same rules let it apply.
        await HardshipSeeding.PutInArchiveAsync(app.Factory, app.World.ZhengzhouMember, HardshipCause.Education);
        await page.GotoAsync("/m/Aid");
        await Expect(page.Locator($"[data-program='{students}']")).ToHaveAttributeAsync("data-eligible", "true");
    }

    private static async Task<long> ProgramAsync(HttpClient city, NewProgram program)
    {
        var created = await city.PostAsJsonAsync("/api/assistance/programs", program);
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("program").GetProperty("id").GetInt64();
    }
}