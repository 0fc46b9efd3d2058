using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Members.SignIn;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Sms;

namespace WorkersHome.Pages.m;

/// <summary>Member sign-in on the phone: mobile number, then the SMS code; a first sign-in continues to linking.</summary>
public sealed class LoginModel(SmsCodeService codes, LinkMemberPhone link, PersonalDataProtector protector) : PageModel
{
    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool CodeSent { get; private set; }

    /// <summary>A code went out with this very request: only then does the page say so (a refused resend must not).</summary>
    public bool JustSent { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        try
        {
            await codes.SendCodeAsync(Phone?.Trim(), ct);
            CodeSent = true;
            JustSent = true;
        }
        catch (ValidationFailedException ex)
        {
            Error = string.Join(" ", ex.Errors.SelectMany(e => e.Value));
        }
        catch (TooManyRequestsException ex)
        {
            Error = ex.Message;
            CodeSent = true;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        CodeSent = true;
        var phone = Phone?.Trim() ?? "";
        if (!MobileNumber.IsValid(phone) || string.IsNullOrWhiteSpace(Code) || !await codes.VerifyAsync(phone, Code.Trim(), ct))
        {
            Error = Loc.T("验证码错误或已过期，请重新获取", "Wrong or expired code; request a new one");
            return Page();
        }

        var phoneHash = protector.BlindIndex(phone);
        var memberId = await link.LinkedMemberAsync(phoneHash, ct);
        await HttpContext.SignInAsync(MemberAuthentication.Scheme, MemberAuthentication.Principal(phoneHash, Mask.Phone(phone), protector.Encrypt(phone), memberId));
        // Back to where the person was going: a member anywhere on the member pages, a non-member to the application form.
        var back = Url.IsLocalUrl(ReturnUrl) && ReturnUrl.StartsWith("/m/", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : null;
        return memberId is not null ? LocalRedirect(back ?? "/m/Card")
            : back?.StartsWith("/m/Join", StringComparison.OrdinalIgnoreCase) == true ? LocalRedirect(back) : RedirectToPage("/m/Link");
    }
}