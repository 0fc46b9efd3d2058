using System.Net;
using System.Text.RegularExpressions;

using WorkersHome.Modules.Members;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Security;

public sealed class SignOutFixture : AppFixture;

/// <summary>The 退出 button of both layouts posts a form that carries its own antiforgery token, and signs out.</summary>
public sealed partial class SignOutTests(SignOutFixture fixture) : IClassFixture<SignOutFixture>
{
    [Fact]
    public async Task A_cadre_signs_out_with_the_layouts_button()
    {
        var client = await fixture.Factory.SignedInAsync(fixture.World.User("zz.officer"));
        var token = SignOutToken(await client.GetStringAsync("/Workbench"), "/SignIn/Logout");

        var response = await client.PostAsync("/SignIn/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await client.GetAsync("/Workbench");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldContain("/SignIn/Login");
    }

    [Fact]
    public async Task A_member_signs_out_with_the_phone_layouts_button()
    {
        var idNumber = ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, Gender.Male);
        var member = await MemberSignIn.AsMemberAsync(fixture.Factory, "139" + idNumber[^8..].Replace('X', '0'), "王建国", idNumber);
        var token = SignOutToken(await member.GetStringAsync("/m/Card"), "/m/Logout");

        var response = await member.PostAsync("/m/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await member.GetAsync("/m/Card");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldContain("/m/Login");
    }

    [Fact]
    public async Task A_resend_refused_as_too_soon_does_not_also_say_a_code_was_sent()
    {
        var phone = fixture.Factory.Anonymous();
        var fields = new Dictionary<string, string> { ["Phone"] = "13900000077" };
        var first = System.Net.WebUtility.HtmlDecode(await (await WebClients.PostFormAsync(phone, "/m/Login?handler=Send", new(fields), "/m/Login")).Content.ReadAsStringAsync());
        first.ShouldContain("验证码已发送");

        var again = System.Net.WebUtility.HtmlDecode(await (await WebClients.PostFormAsync(phone, "/m/Login?handler=Send", new(fields), "/m/Login")).Content.ReadAsStringAsync());
        again.ShouldContain("发送过于频繁");
        again.ShouldNotContain("验证码已发送");
    }

    /// <summary>The token inside the sign-out form itself: a page's other forms carry tokens of their own.</summary>
    private static string SignOutToken(string html, string action)
    {
        var form = Regex.Match(html, $"<form method=\"post\" action=\"{Regex.Escape(action)}\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
        form.Success.ShouldBeTrue("the layout has no sign-out form for " + action);
        var token = Token().Match(form.Groups[1].Value);
        token.Success.ShouldBeTrue("the sign-out form carries no antiforgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}