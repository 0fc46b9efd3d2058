using System.Text;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using QRCoder;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.SignIn;

/// <summary>Enrolment of an authenticator app by QR code, ending with ten one-time recovery codes.</summary>
public sealed class EnrolAuthenticatorModel(UserManager<CadreUser> users, SignInManager<CadreUser> signIn, CurrentCadre cadre, SignInAudit audit) : PageModel
{
    public string SharedKey { get; private set; } = "";

    public string QrSvg { get; private set; } = "";

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public bool Required => cadre.MustEnrolTwoFactor;

    [BindProperty]
    public string? Code { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return RedirectToPage("/SignIn/Login", new { ReturnUrl = "/SignIn/EnrolAuthenticator" });
        }

        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return RedirectToPage("/SignIn/Login");
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        var valid = code.Length == 6 && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            Error = Loc.T("验证码不正确，请确认手机时间准确后重试", "The code is not correct; check your phone's clock and try again");
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await audit.RecordAsync(AuditActions.TwoFactorEnabled, user, user.UserName!, true);
        await signIn.RefreshSignInAsync(user);
        return Page();
    }

    private async Task<CadreUser?> CurrentUserAsync() => cadre.IsSignedIn ? await users.FindByIdAsync(cadre.UserId.ToString()) : null;

    private async Task LoadKeyAsync(CadreUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        SharedKey = key!;
        var uri = $"otpauth://totp/{Uri.EscapeDataString("WorkersHome:" + user.UserName)}?secret={SharedKey}&issuer=WorkersHome&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
    }

    public string FormattedKey()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < SharedKey.Length; i += 4)
        {
            sb.Append(SharedKey.AsSpan(i, Math.Min(4, SharedKey.Length - i))).Append(' ');
        }

        return sb.ToString().TrimEnd().ToLowerInvariant();
    }
}