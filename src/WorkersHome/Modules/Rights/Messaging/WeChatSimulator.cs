using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Outbox;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Rights.Messaging;

/// <summary>What the simulated user saw: WeChat's view of the callback's answer.</summary>
public sealed record SimulatedExchange(int Status, string Sent, string Answer, string? ReplyText);

/// <summary>
/// Development only: plays WeChat's side. It signs the message with the account's token and posts the real XML to
/// the app's own callback over HTTP, so that the whole protocol (signature, XML, passive reply) runs as it would for
/// a real account; and it shows the messages the outbox holds for the user (a handler's later answers).
/// </summary>
public sealed class WeChatSimulator(IHttpClientFactory clients, IServer server, IOptions<WeChatOptions> options, AppDbContext db, MessageSenders senders,
    TimeProvider clock)
{
    public const string Account = "gh_12351simulator";

    public async Task<SimulatedExchange> SendAsync(string openId, string? text, string? msgId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var xml = text is null
            ? $"<xml><ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName><CreateTime>{now.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>"
            : WeChatXml.Text(Account, openId, text, now, msgId);
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var signature = WeChatSignature.Compute(options.Value.Token ?? "", timestamp, nonce);
        var address = OwnAddress() ?? throw new InvalidOperationException(
            Loc.T("模拟器需要应用以 HTTP 服务方式运行（Kestrel），当前无法确定本应用的地址", "The simulator needs the app served over HTTP (Kestrel); its own address is unknown"));
        using var client = clients.CreateClient(nameof(WeChatSimulator));
        using var response = await client.PostAsync(
            new Uri(address, $"{WeChatCallback.Path}?signature={signature}&timestamp={timestamp}&nonce={nonce}&openid={Uri.EscapeDataString(openId)}"),
            new StringContent(xml, Encoding.UTF8, "text/xml"), ct);
        var answer = await response.Content.ReadAsStringAsync(ct);
        return new((int)response.StatusCode, xml, answer, ReplyText(answer));
    }

    /// <summary>The "wechat" outbox messages to <paramref name="openId"/>, newest first.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> SentToAsync(string openId, CancellationToken ct)
    {
        var hash = senders.HashOpenId(openId);
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Channel == OutboxWeChatMessenger.Channel && m.RecipientHash == hash)
            .OrderByDescending(m => m.Id).Take(50).ToListAsync(ct);
    }

    public static string NewMsgId() => RandomNumberGenerator.GetInt32(1, int.MaxValue).ToString(CultureInfo.InvariantCulture)
        + RandomNumberGenerator.GetInt32(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);

    private static string? ReplyText(string answer)
    {
        try
        {
            return XDocument.Parse(answer).Root?.Element("Content")?.Value;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    /// <summary>The address the server listens on, preferring plain HTTP; a wildcard host is reached on the loopback.</summary>
    private Uri? OwnAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (chosen is null)
        {
            return null;
        }

        var builder = new UriBuilder(chosen.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "localhost";
        }

        return builder.Uri;
    }
}