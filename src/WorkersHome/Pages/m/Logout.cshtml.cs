using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Members.SignIn;

namespace WorkersHome.Pages.m;

public sealed class LogoutModel : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(MemberAuthentication.Scheme);
        return RedirectToPage("/m/Login");
    }

    public IActionResult OnGet() => RedirectToPage("/m/Login");
}