using System.Security.Claims;

namespace WorkersHome.Modules.Members.Contracts;

/// <summary>Who a signed-in member is, for other modules' member endpoints.</summary>
public static class MemberIdentity
{
    /// <summary>The authorization policy of endpoints for signed-in members.</summary>
    public const string Policy = "Member";

    /// <summary>The claim that carries the member's id once the phone is linked to a member record.</summary>
    public const string MemberIdClaim = "wh:member";

    public static Guid? MemberIdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(MemberIdClaim), out var id) ? id : null;
}