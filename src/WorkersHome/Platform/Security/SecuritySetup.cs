using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Platform.Security;

public static class SecuritySetup
{
    private const string SelectorScheme = "CookieOrBearer";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public const int MaxFailedSignIns = 5;

    public static IServiceCollection AddSecurity(this IServiceCollection services, PermissionRegistry registry)
    {
        services.AddSingleton(registry);
        services.AddScoped<CurrentCadre>();
        services.AddScoped<SignInAudit>();
        services.AddHttpContextAccessor();

        services.AddIdentity<CadreUser, CadreRole>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrors>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "wh.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/SignIn/Login";
            o.LogoutPath = "/SignIn/Logout";
            o.AccessDeniedPath = "/SignIn/AccessDenied";
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SelectorScheme;
                o.DefaultAuthenticateScheme = SelectorScheme;
                o.DefaultChallengeScheme = SelectorScheme;
                o.DefaultForbidScheme = SelectorScheme;
            })
            .AddPolicyScheme(SelectorScheme, SelectorScheme, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);

        var authorization = services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Cadre, p => p.RequireAuthenticatedUser().AddRequirements(new CadreRequirement()));
        foreach (var permission in registry.All)
        {
            authorization.AddPolicy(permission.Name, p => p.RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(permission.Name)));
        }

        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddScoped<IAuthorizationHandler, CadreHandler>();

        services.AddDataProtection()
            .SetApplicationName("WorkersHome")
            .PersistKeysToDbContext<AppDbContext>();
        return services;
    }

    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task ApiAwareRedirect(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int apiStatus)
    {
        if (IsApiRequest(ctx.Request))
        {
            ctx.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Holds an administrator who has not enrolled a second factor on the enrolment page.
    /// </summary>
    public static IApplicationBuilder UseTwoFactorEnrolmentGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var cadre = context.RequestServices.GetRequiredService<CurrentCadre>();
            var path = context.Request.Path;
            if (cadre.MustEnrolTwoFactor
                && !path.StartsWithSegments("/SignIn", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments("/lib", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments("/css", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
            {
                if (IsApiRequest(context.Request))
                {
                    await ProblemResults.Write(context, StatusCodes.Status403Forbidden,
                        Localization.Loc.T("管理员须先绑定双因素认证", "Administrators must enrol two-factor authentication first"));
                    return;
                }

                context.Response.Redirect("/SignIn/EnrolAuthenticator");
                return;
            }

            await next(context);
        });
}