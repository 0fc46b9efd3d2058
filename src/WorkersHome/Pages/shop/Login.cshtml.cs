using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Merchants.Till;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.shop;

public sealed class LoginModel(TillSignIn signIn) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var principal = await signIn.SignInAsync(UserName, Password, ct);
        if (principal is null)
        {
            Error = Loc.T("用户名或密码错误；连续 5 次错误将锁定 15 分钟", "Wrong user name or password; 5 failures lock the account for 15 minutes");
            return Page();
        }

        await HttpContext.SignInAsync(TillAuthentication.Scheme, principal);
        return RedirectToPage("/shop/Index");
    }
}