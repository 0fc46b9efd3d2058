using System.Security.Claims;

using WorkersHome.Modules.Members.SignIn;

namespace WorkersHome.Modules.Members.Contracts;

/// <summary>Who a signed-in member is, for other modules' member endpoints.</summary>
public static class MemberIdentity
{
    /// <summary>The authorization policy of endpoints for signed-in members.</summary>
    public const string Policy = MemberAuthentication.Policy;

    public static Guid? MemberIdOf(ClaimsPrincipal user) => MemberAuthentication.MemberIdOf(user);
}