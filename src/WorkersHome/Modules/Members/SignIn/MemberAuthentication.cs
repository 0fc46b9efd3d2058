using System.Security.Claims;

using Microsoft.AspNetCore.Authentication;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Members.SignIn;

/// <summary>
/// Members sign in apart from cadres: their own cookie, their own pages under /m, their own policies. A phone that
/// passed the SMS code but is not yet linked to a member record holds only <see cref="PhoneHashClaim"/>.
/// </summary>
public static class MemberAuthentication
{
    public const string Scheme = "Member";
    public const string Policy = MemberIdentity.Policy;
    public const string PhoneVerifiedPolicy = "MemberPhoneVerified";
    public const string MemberIdClaim = MemberIdentity.MemberIdClaim;
    public const string PhoneHashClaim = "wh:phone-hash";
    public const string PhoneMaskedClaim = "wh:phone-masked";

    /// <summary>The phone, encrypted with the personal-data key (inside a cookie that is itself encrypted): an application needs it.</summary>
    public const string PhoneCipherClaim = "wh:phone-cipher";

    public static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(7);

    // Signed in by phone but not linked yet: the link page is where they are needed.
    public static AuthenticationBuilder AddMemberCookie(this AuthenticationBuilder builder) =>
        builder.AddSideCookie(Scheme, "wh.member", "/m/Login", "/m/Link", SessionLifetime);

    public static ClaimsPrincipal Principal(string phoneHash, string phoneMasked, string phoneCipher, Guid? memberId)
    {
        var claims = new List<Claim> { new(PhoneHashClaim, phoneHash), new(PhoneMaskedClaim, phoneMasked), new(PhoneCipherClaim, phoneCipher) };
        if (memberId is { } id)
        {
            claims.Add(new Claim(MemberIdClaim, id.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    public static Guid? MemberIdOf(ClaimsPrincipal user) => MemberIdentity.MemberIdOf(user);
}