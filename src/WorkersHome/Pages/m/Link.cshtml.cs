using System.Security.Claims;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Members.SignIn;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Sms;

namespace WorkersHome.Pages.m;

/// <summary>First sign-in: the phone is linked to the member record once the person confirms name and ID number.</summary>
[Authorize(Policy = MemberAuthentication.PhoneVerifiedPolicy)]
public sealed class LinkModel(LinkMemberPhone link) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? IdNumber { get; set; }

    public string? Error { get; private set; }

    public string PhoneMasked => User.FindFirstValue(MemberAuthentication.PhoneMaskedClaim) ?? "";

    public IActionResult OnGet() =>
        MemberAuthentication.MemberIdOf(User) is null ? Page() : RedirectToPage("/m/Card");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var phoneHash = User.FindFirstValue(MemberAuthentication.PhoneHashClaim)!;
        try
        {
            var memberId = await link.ExecuteAsync(phoneHash, PhoneMasked, Name, IdNumber, ct);
            await HttpContext.SignInAsync(MemberAuthentication.Scheme, MemberAuthentication.Principal(phoneHash, PhoneMasked, User.FindFirstValue(MemberAuthentication.PhoneCipherClaim) ?? "", memberId));
            return RedirectToPage("/m/Card");
        }
        catch (ValidationFailedException ex)
        {
            Error = string.Join(" ", ex.Errors.SelectMany(e => e.Value));
        }
        catch (TooManyRequestsException ex)
        {
            Error = ex.Message;
        }

        return Page();
    }
}