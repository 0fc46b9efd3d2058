using System.Text.Json;

using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Security;

namespace WorkersHome.Platform.Files;

/// <summary>A page request whose upload was too large: the page is shown again (as a GET) with this message under its field.</summary>
public sealed record UploadRejection(string FormKey, string Message);

/// <summary>
/// Answers an upload of any size with the friendly message. Left to the server, a body above Kestrel's limit fails
/// while the form is read, before any page or endpoint code runs, and the browser shows a bare 400. Here the declared
/// length is checked first: a body too large is read to its end and dropped (a browser shows no answer until it
/// has sent everything), then the API gets a 413 ProblemDetails naming the field and a page is shown again with the
/// message. A body within the limit gets a transport limit just above it, so that a client that lies is still cut off.
/// </summary>
public sealed class UploadLimitMiddleware(RequestDelegate next)
{
    /// <summary>
    /// Beyond this a body is not read to its end: the connection is closed after the answer. Draining costs the
    /// server bandwidth for a request that may not even be signed in yet, so it is bounded at what a phone or a
    /// cadre's PC plausibly picks by mistake (a video, a scanned archive), not at what an attacker can send.
    /// </summary>
    private const long MaxDrainBytes = 512L * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public async Task InvokeAsync(HttpContext context, UploadLimits limits)
    {
        var upload = context.GetEndpoint()?.Metadata.GetMetadata<UploadLimitAttribute>();
        if (upload is null || !(HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method)))
        {
            await next(context);
            return;
        }

        var rule = limits.For(upload.Upload);
        var allowed = rule.MaxFileBytes + UploadLimits.FormOverhead;
        var bodyLimit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (context.Request.ContentLength is not { } length || length <= allowed)
        {
            if (bodyLimit is { IsReadOnly: false })
            {
                bodyLimit.MaxRequestBodySize = allowed;
            }

            await next(context);
            return;
        }

        if (bodyLimit is { IsReadOnly: false })
        {
            bodyLimit.MaxRequestBodySize = length <= MaxDrainBytes ? length : MaxDrainBytes;
        }

        await DrainAsync(context.Request.Body, context.RequestAborted);
        var message = rule.TooLargeMessage;
        if (SecuritySetup.IsApiRequest(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            var problem = new ValidationProblemDetails(new Dictionary<string, string[]> { ["File"] = [message] })
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = Loc.T("上传的文件过大", "The uploaded file is too large"),
            };
            await context.Response.WriteAsJsonAsync(problem, Json, "application/problem+json");
            return;
        }

        // The page runs as if opened again, with nothing posted: no handler acts on a half-read form.
        context.Request.Method = HttpMethods.Get;
        context.Request.Body = Stream.Null;
        context.Request.ContentLength = 0;
        context.Request.ContentType = null;
        context.Features.Set(new UploadRejection(upload.FormKey, message));
        await next(context);
    }

    private static async Task DrainAsync(Stream body, CancellationToken ct)
    {
        var buffer = new byte[81920];
        try
        {
            while (await body.ReadAsync(buffer, ct) > 0)
            {
            }
        }
        catch (BadHttpRequestException)
        {
            // Larger than we are willing to read: the answer still goes out, and Kestrel closes the connection after it.
        }
    }
}

/// <summary>Puts an <see cref="UploadRejection"/> under its field, with 413, on the page shown again.</summary>
public sealed class UploadRejectionFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.Features.Get<UploadRejection>() is { } rejection)
        {
            context.ModelState.AddModelError(rejection.FormKey, rejection.Message);
            context.HttpContext.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        }

        await next();
    }
}

public static class UploadLimitSetup
{
    public static IServiceCollection AddUploadLimits(this IServiceCollection services) => services.AddSingleton<UploadLimits>();

    /// <summary>Registers a kind of upload; <paramref name="maxFileBytes"/> is read once, when the limits are first asked for.</summary>
    public static IServiceCollection AddUploadRule(this IServiceCollection services, string upload, Func<IServiceProvider, long> maxFileBytes, string zh, string en) =>
        services.AddSingleton(sp => new UploadRule(upload, maxFileBytes(sp), zh, en));

    public static IApplicationBuilder UseUploadLimits(this IApplicationBuilder app) => app.UseMiddleware<UploadLimitMiddleware>();
}