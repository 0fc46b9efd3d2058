using System.Text.RegularExpressions;

using OtpNet;

using WorkersHome.Testing;

namespace WorkersHome.BrowserTests.Infrastructure;

/// <summary>The sign-in pages, driven the way a cadre uses them.</summary>
internal static partial class SignInSteps
{
    public static async Task SubmitPasswordAsync(IPage page, string userName)
    {
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(TestWorld.Password);
        await page.Locator("#login-submit").ClickAsync();
    }

    public static async Task SubmitCodeAsync(IPage page, string code)
    {
        await page.Locator("#Code").FillAsync(code);
        await page.Locator("#twofa-submit").ClickAsync();
    }

    /// <summary>Password, then the authenticator code when the cadre has one; ends on the workbench.</summary>
    public static async Task SignInAsync(IPage page, TestCadre cadre)
    {
        await page.GotoAsync("/SignIn/Login");
        await SubmitPasswordAsync(page, cadre.UserName);
        if (cadre.TotpKey is not null)
        {
            await Expect(page).ToHaveURLAsync(TwoFactorUrl());
            await SubmitCodeAsync(page, WebClients.TotpNow(cadre.TotpKey));
        }

        await Expect(page).ToHaveURLAsync(WorkbenchUrl());
    }

    /// <summary>A six-digit code that no time step near now produces, so the server must refuse it.</summary>
    public static string WrongCode(string key)
    {
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var now = DateTime.UtcNow;
        var accepted = Enumerable.Range(-3, 7).Select(step => totp.ComputeTotp(now.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(code => !accepted.Contains(code));
    }

    [GeneratedRegex("/SignIn/LoginWith2fa")]
    public static partial Regex TwoFactorUrl();

    [GeneratedRegex("/Workbench$")]
    public static partial Regex WorkbenchUrl();
}