using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Members.SignIn;

namespace WorkersHome.Pages.m;

// Signed in by its own scheme: the form's antiforgery token was issued to that identity, and is checked against it.
[Authorize(Policy = MemberAuthentication.Policy)]
public sealed class LogoutModel : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(MemberAuthentication.Scheme);
        return RedirectToPage("/m/Login");
    }

    public IActionResult OnGet() => RedirectToPage("/m/Login");
}