using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Merchants.Till;

namespace WorkersHome.Pages.shop;

// Signed in by its own scheme: the form's antiforgery token was issued to that identity, and is checked against it.
[Authorize(Policy = TillAuthentication.Policy)]
public sealed class LogoutModel : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(TillAuthentication.Scheme);
        return RedirectToPage("/shop/Login");
    }

    public IActionResult OnGet() => RedirectToPage("/shop/Login");
}