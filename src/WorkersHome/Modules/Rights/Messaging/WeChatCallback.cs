using System.Text;

using Microsoft.Extensions.Options;

namespace WorkersHome.Modules.Rights.Messaging;

/// <summary>
/// The service account's server URL (服务器配置), in plain mode: GET answers WeChat's URL check by echoing echostr; POST
/// takes a pushed message and answers within WeChat's five seconds with a passive XML reply. Both check the signature
/// made with the account's token before anything else.
/// </summary>
internal static class WeChatCallback
{
    public const string Path = "/api/rights/wechat";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (string? signature, string? timestamp, string? nonce, string? echostr, IOptions<WeChatOptions> options) =>
            {
                if (!options.Value.IsConfigured)
                {
                    return Results.NotFound();
                }

                return WeChatSignature.IsValid(options.Value.Token!, timestamp, nonce, signature) && echostr is { Length: > 0 and <= 128 }
                    ? Results.Text(echostr, "text/plain", Encoding.UTF8)
                    : Results.StatusCode(StatusCodes.Status403Forbidden);
            })
            .AllowAnonymous().WithTags("Rights").Produces<string>(StatusCodes.Status200OK, "text/plain")
            .WithSummary("WeChat's URL check: echoes echostr when signature is SHA-1 of the sorted token, timestamp and nonce; 403 otherwise");

        app.MapPost(Path, async (HttpContext http, IOptions<WeChatOptions> options, ReceiveWeChatMessage receive, TimeProvider clock, CancellationToken ct) =>
            {
                if (!options.Value.IsConfigured)
                {
                    return Results.NotFound();
                }

                var query = http.Request.Query;
                if (!WeChatSignature.IsValid(options.Value.Token!, query["timestamp"], query["nonce"], query["signature"]))
                {
                    return Results.StatusCode(StatusCodes.Status403Forbidden);
                }

                // Safe mode wraps the message in AES (docs/adr/0020): not supported; the account must use plain mode.
                if (string.Equals(query["encrypt_type"], "aes", StringComparison.OrdinalIgnoreCase))
                {
                    return Results.StatusCode(StatusCodes.Status501NotImplemented);
                }

                if (await MessageBody.ReadAsync(http.Request, WeChatXml.MaxBodyBytes, ct) is not { } body)
                {
                    return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
                }

                if (WeChatXml.Parse(body) is not { } message)
                {
                    return Results.BadRequest();
                }

                // "success" tells WeChat there is no reply, so that it neither retries nor shows the member an error.
                return await receive.ReplyToAsync(message, ct) is { } reply
                    ? Results.Text(WeChatXml.Reply(message, reply, clock.GetUtcNow()), "application/xml", Encoding.UTF8)
                    : Results.Text("success", "text/plain", Encoding.UTF8);
            })
            .AllowAnonymous().DisableAntiforgery().WithTags("Rights").Produces<string>(StatusCodes.Status200OK, "application/xml")
            .WithSummary("WeChat pushes a message (plain-mode XML, signed in the query): a text files a case or joins the sender's open one; passive XML reply");
    }
}