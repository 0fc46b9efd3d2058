using System.Net;

using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using WorkersHome.Platform.Security;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Security;

public sealed class SignInTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Anonymous_api_requests_get_401_problem_not_a_redirect_and_pages_redirect_to_sign_in()
    {
        var client = fixture.Factory.Anonymous();
        var api = await client.GetAsync("/api/organizations/root");
        api.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        api.Headers.Location.ShouldBeNull();
        var page = await client.GetAsync("/Organizations");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.ShouldContain("/SignIn/Login");
        var badToken = fixture.Factory.Anonymous();
        badToken.DefaultRequestHeaders.Authorization = new("Bearer", "wh_not-a-token");
        (await badToken.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_public_home_page_offers_sign_in()
    {
        var response = await fixture.Factory.Anonymous().GetAsync("/");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("网上职工之家");
        html.ShouldContain("登录");
    }

    [Fact]
    public async Task An_administrator_signs_in_with_password_and_authenticator_code()
    {
        var admin = fixture.World.User("ly.admin");
        var client = fixture.Factory.Anonymous();
        var afterPassword = await WebClients.PostFormAsync(client, "/SignIn/Login", new() { ["UserName"] = admin.UserName, ["Password"] = TestWorld.Password });
        afterPassword.Headers.Location!.OriginalString.ShouldContain("LoginWith2fa");
        (await client.GetAsync("/Workbench")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "not signed in before the second factor");

        var wrong = await WebClients.PostFormAsync(client, "/SignIn/LoginWith2fa", new() { ["Code"] = "000000" });
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("验证码不正确");
        var right = await WebClients.PostFormAsync(client, "/SignIn/LoginWith2fa", new() { ["Code"] = WebClients.TotpNow(admin.TotpKey!) });
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var workbench = await client.GetAsync("/Workbench");
        workbench.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await workbench.Content.ReadAsStringAsync()).ShouldContain("洛阳市总工会");
    }

    [Fact]
    public async Task An_administrator_without_a_second_factor_must_enrol_before_anything_else()
    {
        var cadre = fixture.World.User("new.admin");
        var client = fixture.Factory.Anonymous();
        await WebClients.SignInAsync(client, cadre.UserName, TestWorld.Password, null);
        var page = await client.GetAsync("/Organizations");
        page.Headers.Location!.OriginalString.ShouldBe("/SignIn/EnrolAuthenticator");
        (await client.GetAsync("/api/organizations/root")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var enrol = await (await client.GetAsync("/SignIn/EnrolAuthenticator")).Content.ReadAsStringAsync();
        enrol.ShouldContain("<svg");
        // Apps a cadre in mainland China can get, and the standard any other one must support.
        enrol.ShouldContain("腾讯身份验证器");
        enrol.ShouldContain("任何支持 TOTP");
        enrol.ShouldNotContain("Google Authenticator");
        var key = System.Text.RegularExpressions.Regex.Match(enrol, "data-key=\"([A-Z0-9]+)\"").Groups[1].Value;
        key.ShouldNotBeEmpty();
        var done = await WebClients.PostFormAsync(client, "/SignIn/EnrolAuthenticator", new() { ["Code"] = WebClients.TotpNow(key) });
        var html = await done.Content.ReadAsStringAsync();
        html.ShouldContain("recovery-codes");
        System.Text.RegularExpressions.Regex.Matches(html, "<li class=\"col-6\">").Count.ShouldBe(10);
        (await client.GetAsync("/Organizations")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_for_15_minutes_and_every_attempt_is_audited()
    {
        var cadre = fixture.World.User("ly.officer");
        var client = fixture.Factory.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await WebClients.SignInAsync(client, cadre.UserName, "wrong-password-" + i, null);
        }

        var locked = await WebClients.SignInAsync(client, cadre.UserName, TestWorld.Password, null);
        locked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await locked.Content.ReadAsStringAsync()).ShouldContain("账号已锁定 15 分钟");

        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>().FindByNameAsync(cadre.UserName);
        (user!.LockoutEnd!.Value - DateTimeOffset.UtcNow).TotalMinutes.ShouldBeInRange(14, 15.1);
        var attempts = await db.AuditEntries.Where(a => a.ActorName == cadre.UserName && a.Action.StartsWith("auth.")).ToListAsync();
        attempts.Count(a => a.Action == "auth.sign-in-failed").ShouldBe(4);
        attempts.Count(a => a.Action == "auth.locked-out").ShouldBe(2);
        attempts.ShouldAllBe(a => !a.Succeeded && a.OrgPath!.StartsWith("/41/4103/"));
    }

    [Fact]
    public async Task Sessions_end_after_30_idle_minutes()
    {
        var options = fixture.Factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        options.ExpireTimeSpan.ShouldBe(TimeSpan.FromMinutes(30));
        options.SlidingExpiration.ShouldBeTrue();
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_bearer_token_acts_as_its_cadre_within_their_subtree()
    {
        var me = await fixture.Factory.Api(fixture.World.User("zz.officer")).GetStringAsync("/api/me");
        me.ShouldContain("郑州市总工会");
        me.ShouldContain("org.view");
    }
}