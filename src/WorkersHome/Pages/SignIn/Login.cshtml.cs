using System.ComponentModel.DataAnnotations;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.SignIn;

public sealed class LoginModel(SignInManager<CadreUser> signIn, UserManager<CadreUser> users, SignInAudit audit) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = Loc.T("请输入用户名和密码", "Enter your user name and password");
            return Page();
        }

        var user = await users.FindByNameAsync(UserName.Trim());
        if (user is null || user.IsDisabled)
        {
            await audit.RecordAsync(AuditActions.SignInFailed, user, UserName, false, new { reason = user is null ? "unknown user" : "disabled" });
            Error = Loc.T("用户名或密码错误", "Wrong user name or password");
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.SignInSucceeded, user, UserName, true, new { factor = "password" });
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/SignIn/LoginWith2fa", new { ReturnUrl });
        }

        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AuditActions.SignInLockedOut, user, UserName, false);
            Error = Loc.T("登录失败次数过多，账号已锁定 15 分钟", "Too many failed attempts; the account is locked for 15 minutes");
            return Page();
        }

        await audit.RecordAsync(AuditActions.SignInFailed, user, UserName, false, new { reason = "wrong password" });
        Error = Loc.T("用户名或密码错误", "Wrong user name or password");
        return Page();
    }

    public static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/Workbench";
}