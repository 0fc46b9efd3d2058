using WorkersHome.Modules.Rights.Cases;

namespace WorkersHome.Modules.Rights.Messaging;

/// <summary>What the gateway is told: the case the message filed or joined, and the answer the member is sent by SMS.</summary>
public sealed record SmsReceipt(string TrackingNumber, bool Joined, bool Repeated);

/// <summary>
/// The SMS gateway's callback for a member's text to the hotline's number: a new case, or a message on the case the
/// member has open by SMS or with the hotline; once per gateway message id. The member's answer leaves by SMS
/// through the outbox.
/// </summary>
internal static class SmsInboundEndpoint
{
    public const string Path = "/api/rights/sms/inbound";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost(Path, async (HttpRequest request, ISmsInbound gateway, MessageCases cases, MessageSenders senders, CancellationToken ct) =>
            {
                if (!gateway.IsConfigured)
                {
                    return Results.NotFound();
                }

                if (!gateway.Authenticates(request))
                {
                    return Results.StatusCode(StatusCodes.Status401Unauthorized);
                }

                if (await gateway.ReadAsync(request, ct) is not { } sms)
                {
                    return Results.BadRequest();
                }

                var outcome = await cases.ReceiveAsync(new IncomingMessage("sms:" + sms.MessageId, CaseChannel.Sms, sms.Text, senders.Phone(sms.Phone)), ct);
                return Results.Ok(new SmsReceipt(outcome.TrackingNumber, outcome.Joined, outcome.Repeated));
            })
            .AllowAnonymous().DisableAntiforgery().WithTags("Rights").Produces<SmsReceipt>()
            .WithSummary("The SMS gateway reports a member's text (from, text, messageId, timestamp; JSON or form) with its secret header; once per messageId");
}