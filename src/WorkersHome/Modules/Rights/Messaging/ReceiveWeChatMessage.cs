using WorkersHome.Modules.Rights.Cases;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Rights.Messaging;

/// <summary>
/// What the account answers a message with: a text files a case or joins the sender's open one; a new follower is
/// welcomed; other kinds of message are asked for in words; other events get no reply (null: WeChat expects "success").
/// </summary>
public sealed class ReceiveWeChatMessage(MessageCases cases, MessageSenders senders)
{
    public async Task<string?> ReplyToAsync(WeChatMessage message, CancellationToken ct)
    {
        switch (message.MsgType)
        {
            case "text" when string.IsNullOrWhiteSpace(message.Content):
                return AskForWords;
            case "text" when message.MsgId is null:
                // Without its id a message could not be told from its retries, and would file a case each time.
                return null;
            case "text":
                var outcome = await cases.ReceiveAsync(
                    new IncomingMessage("wx:" + message.MsgId, CaseChannel.WeChat, message.Content!, senders.WeChat(message.FromUserName)), ct);
                return outcome.Reply;
            case "event" when string.Equals(message.Event, "subscribe", StringComparison.OrdinalIgnoreCase):
                return Loc.T(
                    "欢迎关注 12351 职工维权服务！请直接发送文字说明您遇到的问题（如欠薪、劳动合同、工伤），我们会登记并告诉您查询编号。",
                    "Welcome to the 12351 workers' rights service! Send us a text describing your problem (unpaid wages, a contract, an injury at work); we file it and tell you its number.");
            case "event":
                return null;
            default:
                return AskForWords;
        }
    }

    private static string AskForWords => Loc.T("目前只能受理文字消息，请用文字说明您遇到的问题。", "We can only take text messages for now; please describe your problem in words.");
}