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

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (MemberAuthentication.MemberIdOf(User) is not null)
        {
            return RedirectToPage("/m/Card");
        }

        // An applicant whose application was approved while signed in: the phone was linked on approval, so the
        // session becomes the member's without asking again.
        var phoneHash = User.FindFirstValue(MemberAuthentication.PhoneHashClaim)!;
        if (await link.LinkedMemberAsync(phoneHash, ct) is { } memberId)
        {
            await HttpContext.SignInAsync(MemberAuthentication.Scheme, MemberAuthentication.Principal(phoneHash, PhoneMasked, User.FindFirstValue(MemberAuthentication.PhoneCipherClaim) ?? "", memberId));
            return RedirectToPage("/m/Card");
        }

        return Page();
    }

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