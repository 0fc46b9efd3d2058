using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace WorkersHome.Modules.Rights.Messaging;

/// <summary>A message WeChat pushed to the account (plain mode): who sent it to which account, what kind, and its text.</summary>
public sealed record WeChatMessage(string ToUserName, string FromUserName, long CreateTime, string MsgType, string? Content, string? MsgId, string? Event);

/// <summary>
/// The callback's XML, read without DTDs or external resolution (no entity expansion, no file or network access from a
/// document), and the passive reply written with every text in CDATA.
/// </summary>
public static class WeChatXml
{
    /// <summary>A text message is at most 2,048 bytes; the envelope is small. Anything larger is not from WeChat.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly XmlReaderSettings Safe = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxBodyBytes,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>The message, or null when the body is not a well-formed message (a DTD counts as not well-formed).</summary>
    public static WeChatMessage? Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, Safe);
            var root = XDocument.Load(reader).Root;
            if (root is null || root.Name.LocalName != "xml")
            {
                return null;
            }

            string? Field(string name) => root.Element(name)?.Value;
            var to = Field("ToUserName");
            var from = Field("FromUserName");
            var type = Field("MsgType");
            if (string.IsNullOrWhiteSpace(to) || string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(type) || from.Length > 128 || to.Length > 128)
            {
                return null;
            }

            _ = long.TryParse(Field("CreateTime"), NumberStyles.None, CultureInfo.InvariantCulture, out var created);
            var msgId = Field("MsgId");
            if (msgId is not null && (msgId.Length > 64 || !msgId.All(char.IsAsciiDigit)))
            {
                return null;
            }

            return new(to, from, created, type.Trim(), Field("Content"), msgId, Field("Event")?.Trim());
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>The passive reply (被动回复) to <paramref name="message"/>: a text from the account to the sender.</summary>
    public static string Reply(WeChatMessage message, string content, DateTimeOffset now) =>
        Text(message.FromUserName, message.ToUserName, content, now);

    /// <summary>A text message from <paramref name="from"/> to <paramref name="to"/> in the callback's format (the simulator sends these too).</summary>
    public static string Text(string to, string from, string content, DateTimeOffset now, string? msgId = null)
    {
        var xml = new StringBuilder("<xml>")
            .Append("<ToUserName>").Append(Cdata(to)).Append("</ToUserName>")
            .Append("<FromUserName>").Append(Cdata(from)).Append("</FromUserName>")
            .Append("<CreateTime>").Append(now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)).Append("</CreateTime>")
            .Append("<MsgType>").Append(Cdata("text")).Append("</MsgType>")
            .Append("<Content>").Append(Cdata(content)).Append("</Content>");
        if (msgId is not null)
        {
            xml.Append("<MsgId>").Append(msgId).Append("</MsgId>");
        }

        return xml.Append("</xml>").ToString();
    }

    /// <summary>A "]]>" inside the text would end the section early: it is split across two sections.</summary>
    private static string Cdata(string text) => "<![CDATA[" + text.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal) + "]]>";
}