using Microsoft.AspNetCore.Authorization;

namespace WorkersHome.Platform.Security;

public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

public sealed class PermissionHandler(CurrentCadre cadre) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (cadre.IsSignedIn && !cadre.MustEnrolTwoFactor && cadre.Has(requirement.Permission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

public static class Policies
{
    /// <summary>Any signed-in cadre whose second factor is in order.</summary>
    public const string Cadre = "cadre";
}

public sealed class CadreRequirement : IAuthorizationRequirement;

public sealed class CadreHandler(CurrentCadre cadre) : AuthorizationHandler<CadreRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CadreRequirement requirement)
    {
        if (cadre.IsSignedIn && !cadre.MustEnrolTwoFactor)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}