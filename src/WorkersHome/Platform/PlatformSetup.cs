using Microsoft.AspNetCore.Localization;

using Scalar.AspNetCore;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Files;
using WorkersHome.Platform.Health;
using WorkersHome.Platform.Jobs;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Outbox;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Security;
using WorkersHome.Platform.Sms;

namespace WorkersHome.Platform;

public static class PlatformSetup
{
    public static IServiceCollection AddPlatform(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        // Settings are read when first resolved, so that hosts and test factories can still override them.
        services.AddDatabase();
        services.AddSingleton(sp => new PersonalDataProtector(sp.GetRequiredService<IConfiguration>().GetSection("Privacy").Get<PrivacyOptions>()
            ?? throw new InvalidOperationException("Configure Privacy:Keys, Privacy:ActiveKeyId and Privacy:HashKey.")));
        services.AddSingleton(sp => new Files.SealedFileStore(
            Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, sp.GetRequiredService<IConfiguration>()["Storage:Path"] ?? "data/files"),
            sp.GetRequiredService<PersonalDataProtector>()));
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditVerifier>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Audit").Get<AuditOptions>() ?? new AuditOptions());
        services.AddSingleton<AuditCheckpointKey>();
        services.AddScoped<AuditSealer>();
        services.AddScoped<WriteAuditCheckpoint>();
        services.AddScoped<AuditCheckpointFileChannel>();
        services.AddScoped<IOutboxChannel>(sp => sp.GetRequiredService<AuditCheckpointFileChannel>());
        services.AddScoped<IOutboxChannel, AuditWitnessChannel>();
        services.AddHostedService<AuditSealingService>();
        services.AddHostedService<AuditCheckpointService>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Sms:Limits").Get<SmsRateLimits>() ?? new SmsRateLimits());
        services.AddScoped<ISmsSender, OutboxSmsSender>();
        services.AddScoped<SmsCodeService>();
        services.AddScoped<SmsOutboxQueries>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Outbox").Get<OutboxOptions>() ?? new OutboxOptions());
        services.AddScoped<OutboxProcessor>();
        services.AddScoped<IOutboxChannel, LocalSmsChannel>();
        services.AddScoped<IOutboxChannel, Notices.NoticeChannel>();
        services.AddScoped<Notices.NoticeBoard>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddJobEngine();
        services.AddLocalization();
        services.AddUploadLimits();
        services.AddProblemDetails();
        // A body the API cannot bind throws in every environment (not only Development), so that the problem
        // pipeline answers it with the field named rather than a bare 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "WorkersHome API (网上职工之家)";
            doc.Info.Description = "Sign in with the session cookie, or send 'Authorization: Bearer wh_…' with a token from POST /api/tokens. Errors are ProblemDetails (application/problem+json).";
            return Task.CompletedTask;
        }));
        // Chinese text goes out as text, not as escapes, in pages and in JSON.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
        return services;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseSecurityHeaders();
        // Pages get an error page in the layout; the API gets ProblemDetails for bare status codes.
        app.UseWhen(c => !SecuritySetup.IsApiRequest(c.Request), b => b.UseStatusCodePagesWithReExecute("/Error/{0}"));
        app.UseWhen(c => SecuritySetup.IsApiRequest(c.Request), b => b.UseStatusCodePages());
        app.UseProblemPipeline();
        app.UseStaticFiles();
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture(Loc.Chinese).AddSupportedCultures(Loc.SupportedCultures).AddSupportedUICultures(Loc.SupportedCultures);
            // Chinese unless the user chose English: no Accept-Language guessing.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        app.UseRouting();
        app.UseUploadLimits();
        app.UseAuthentication();
        app.UseMiddleware<DataScopeMiddleware>();
        app.UseTwoFactorEnrolmentGate();
        app.UseAuthorization();
        app.UseAntiforgery();
        HealthEndpoints.Map(app);
        app.MapOpenApi("/api/openapi/{documentName}.json").AllowAnonymous();
        // The reference works on an internal network: its bundle is served by the app, and nothing reaches out to the internet.
        app.MapScalarApiReference(SecurityHeaders.ApiDocsPath, o => o
            .WithTitle("WorkersHome API")
            .WithOpenApiRoutePattern("/api/openapi/{documentName}.json")
            .WithNonce()
            .WithFavicon("/favicon.svg")
            .DisableDefaultFonts()
            .DisableAgent()
            .DisableMcp()
            .DisableTelemetry()
            .HideClientButton()
            .HideDeveloperTools())
            .AllowAnonymous();
        app.MapGet("/culture", (string? c, string? returnUrl, HttpContext http) =>
        {
            var culture = c == Loc.English ? Loc.English : Loc.Chinese;
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}