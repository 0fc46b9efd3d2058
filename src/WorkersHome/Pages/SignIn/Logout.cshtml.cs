using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.SignIn;

public sealed class LogoutModel(SignInManager<CadreUser> signIn, CurrentCadre cadre, AuditTrail audit) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (cadre.IsSignedIn)
        {
            await audit.RecordNowAsync(AuditActions.SignOut, "account", cadre.UserId.ToString(), cadre.OrgPath);
        }

        await signIn.SignOutAsync();
        return Redirect("/");
    }
}