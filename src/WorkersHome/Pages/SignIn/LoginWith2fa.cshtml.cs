using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.SignIn;

public sealed class LoginWith2faModel(SignInManager<CadreUser> signIn, SignInAudit audit) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public bool UseRecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/SignIn/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/SignIn/Login");
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            Error = Loc.T("请输入验证码", "Enter the code");
            return Page();
        }

        var result = UseRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        var factor = UseRecoveryCode ? "recovery-code" : "totp";
        if (result.Succeeded)
        {
            await audit.RecordAsync(UseRecoveryCode ? AuditActions.RecoveryCodeUsed : AuditActions.SignInSucceeded, user, user.UserName!, true, new { factor });
            return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AuditActions.SignInLockedOut, user, user.UserName!, false, new { factor });
            Error = Loc.T("失败次数过多，账号已锁定 15 分钟", "Too many failed attempts; the account is locked for 15 minutes");
            return Page();
        }

        await audit.RecordAsync(AuditActions.SignInFailed, user, user.UserName!, false, new { factor, reason = "wrong code" });
        Error = Loc.T("验证码不正确", "The code is not correct");
        return Page();
    }
}