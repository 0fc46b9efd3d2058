using System.Globalization;
using System.Text.RegularExpressions;

using Microsoft.EntityFrameworkCore;

using WorkersHome.BrowserTests.Infrastructure;
using WorkersHome.Modules.Organizations;
using WorkersHome.Testing;

namespace WorkersHome.BrowserTests;

public sealed partial class SignInTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Administrator_signs_in_from_the_home_page_with_an_authenticator_code()
    {
        var cadre = app.World.User("zz.admin");
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("网上职工之家");
        await Screens.CaptureAsync(page, "home");
        var signIn = page.Locator("#hero-sign-in");
        await Expect(signIn).ToHaveTextAsync("干部登录");
        await signIn.ClickAsync();

        await Expect(page).ToHaveURLAsync(LoginUrl());
        await Screens.CaptureAsync(page, "login");
        await SignInSteps.SubmitPasswordAsync(page, cadre.UserName);

        await Expect(page).ToHaveURLAsync(SignInSteps.TwoFactorUrl());
        await SignInSteps.SubmitCodeAsync(page, SignInSteps.WrongCode(cadre.TotpKey!));
        await Expect(page.Locator("#twofa-error")).ToHaveTextAsync("验证码不正确");
        await Screens.CaptureAsync(page, "login-2fa-wrong-code");

        await SignInSteps.SubmitCodeAsync(page, WebClients.TotpNow(cadre.TotpKey!));
        await Expect(page).ToHaveURLAsync(SignInSteps.WorkbenchUrl());
        await Expect(page.Locator("main h1")).ToContainTextAsync("郑州市总工会");
        await Expect(page.Locator("#headline-counts [data-count=grassroots]")).ToHaveTextAsync(await ZhengzhouGrassrootsCountAsync());
        await Screens.CaptureAsync(page, "workbench");
    }

    [Fact]
    public async Task Administrator_without_an_authenticator_enrols_one_at_first_sign_in()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/SignIn/Login");
        await SignInSteps.SubmitPasswordAsync(page, "new.admin");

        await Expect(page).ToHaveURLAsync(EnrolUrl());
        await Expect(page.Locator("main svg")).ToBeVisibleAsync();
        await Screens.CaptureAsync(page, "enrol-authenticator");
        var key = await page.Locator("#shared-key").GetAttributeAsync("data-key");
        key.ShouldNotBeNullOrEmpty();
        await page.Locator("#Code").FillAsync(WebClients.TotpNow(key));
        await page.Locator("#enrol-submit").ClickAsync();

        await Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await Screens.CaptureAsync(page, "enrol-recovery-codes");
        await page.Locator("#enrol-continue").ClickAsync();
        await Expect(page).ToHaveURLAsync(SignInSteps.WorkbenchUrl());
        await Expect(page.Locator("main h1")).ToContainTextAsync("郑州市总工会");
    }

    private async Task<string> ZhengzhouGrassrootsCountAsync()
    {
        await using var scope = app.Factory.WholeTreeScope(out var db);
        var id = app.World.Org("4101");
        var rollup = await db.OrgRollups.AsNoTracking().SingleAsync(r => r.OrgId == id);
        rollup.GrassrootsUnions.ShouldBeGreaterThan(0);
        return rollup.GrassrootsUnions.ToString("N0", CultureInfo.GetCultureInfo("zh-CN"));
    }

    [GeneratedRegex("/SignIn/Login$")]
    private static partial Regex LoginUrl();

    [GeneratedRegex("/SignIn/EnrolAuthenticator")]
    private static partial Regex EnrolUrl();
}