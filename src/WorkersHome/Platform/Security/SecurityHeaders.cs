using Scalar.AspNetCore;

using WorkersHome.Platform.Ui;

namespace WorkersHome.Platform.Security;

/// <summary>
/// Security headers on every response — pages, API, error pages, static files. The policy allows no inline script:
/// pages load their scripts from wwwroot/js and hand data over in data- attributes or JSON script blocks.
/// </summary>
public static class SecurityHeaders
{
    public const string ApiDocsPath = "/api/docs";

    /// <summary>Registered first, so the headers are set however the response ends (static file, re-executed error page, exception).</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // Only on HTTPS requests (and not for localhost): a plain-HTTP demo never pins browsers to HTTPS.
            app.UseHsts();
        }

        var pagePolicy = PagePolicy(MapTiles.CspSource(MapTiles.Url(app.Configuration)));
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiDocsPath, StringComparison.OrdinalIgnoreCase)
                    ? ApiDocsPolicy(context.Items[ScalarOptions.NonceHttpContextItemKey] as string)
                    : pagePolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>
    /// Style attributes stay allowed (style-src-attr): ECharts writes them into its tooltip HTML and a few pages size
    /// boxes with them; style elements and sheets must still come from the app.
    /// </summary>
    public static string PagePolicy(string? tileSource) =>
        string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "style-src-attr 'unsafe-inline'",
            $"img-src 'self' data:{(tileSource is null ? "" : " " + tileSource)}",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /// <summary>
    /// Scalar's API reference runs its own inline start-up script, which carries a fresh nonce per request; its Vue
    /// components inject style elements, so styles are allowed inline there (and only there). Everything is served
    /// from the app: no CDN fonts, no AI agent, no telemetry.
    /// </summary>
    public static string ApiDocsPolicy(string? nonce) =>
        string.Join("; ",
            "default-src 'self'",
            nonce is null ? "script-src 'self'" : $"script-src 'self' 'nonce-{nonce}'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
}