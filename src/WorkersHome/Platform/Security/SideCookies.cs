using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace WorkersHome.Platform.Security;

/// <summary>
/// Cookie schemes for people who are not cadres (members, merchants' till staff): their own cookie, their own
/// sign-in page, and for /api a plain 401/403 instead of a redirect.
/// </summary>
public static class SideCookies
{
    public static AuthenticationBuilder AddSideCookie(this AuthenticationBuilder builder, string scheme, string cookieName, string loginPath,
        string accessDeniedPath, TimeSpan lifetime) =>
        builder.AddCookie(scheme, o =>
        {
            o.Cookie.Name = cookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = loginPath;
            o.AccessDeniedPath = accessDeniedPath;
            o.ExpireTimeSpan = lifetime;
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int apiStatus)
    {
        if (SecuritySetup.IsApiRequest(ctx.Request))
        {
            ctx.Response.StatusCode = apiStatus;
        }
        else
        {
            ctx.Response.Redirect(ctx.RedirectUri);
        }

        return Task.CompletedTask;
    }
}