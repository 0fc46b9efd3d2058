using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Merchants.Till;

namespace WorkersHome.Pages.shop;

public sealed class LogoutModel : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(TillAuthentication.Scheme);
        return RedirectToPage("/shop/Login");
    }

    public IActionResult OnGet() => RedirectToPage("/shop/Login");
}