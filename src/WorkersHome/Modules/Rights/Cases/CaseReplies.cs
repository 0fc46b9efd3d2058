using WorkersHome.Modules.Rights.Messaging;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Notices;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Sms;

namespace WorkersHome.Modules.Rights.Cases;

/// <summary>
/// What the member is told, on the channel the case came from, through the outbox (it leaves only if the step commits):
/// a case filed online is answered in the member's notices; one from the hotline or an SMS by text message; one from
/// WeChat by a message to the sender's OpenID. An anonymous caller without a phone or an OpenID is told nothing.
/// </summary>
public sealed class CaseReplies(NoticeBoard notices, ISmsSender sms, IWeChatMessenger wechat, PersonalDataProtector protector)
{
    public const string MemberPage = "/m/Rights";

    public void Filed(RightsCase c)
    {
        // On WeChat the passive reply to the member's own message has told the number already.
        if (!ByWeChat(c))
        {
            Tell(c, Loc.T("维权诉求已受理登记", "Your case is filed"),
                Loc.T($"您的诉求（{c.Subject}）已登记，查询编号 {c.TrackingNumber}。工会将在规定时限内办理。",
                    $"Your case ({c.Subject}) is filed with tracking number {c.TrackingNumber}. The union will handle it within the time limits."));
        }
    }

    /// <summary>A message the member sent joined their open case (on WeChat the passive reply says so).</summary>
    public void MessageAdded(RightsCase c)
    {
        if (!ByWeChat(c))
        {
            Tell(c, Loc.T("补充情况已收到", "Your message is added"),
                Loc.T($"您补充的情况已加入诉求 {c.TrackingNumber}。", $"What you sent was added to your case {c.TrackingNumber}."));
        }
    }

    public void Resolved(RightsCase c) => Tell(c,
        Loc.T("维权诉求已办结", "Your case is resolved"),
        Loc.T($"您的诉求 {c.TrackingNumber} 已办结：{c.Result}", $"Your case {c.TrackingNumber} is resolved: {c.Result}"));

    private static bool ByWeChat(RightsCase c) => c.Channel == CaseChannel.WeChat && c.SenderCipher is not null;

    private void Tell(RightsCase c, string title, string body)
    {
        if (ByWeChat(c))
        {
            wechat.Queue(c.SenderCipher!, c.SenderHash!, $"【12351】{body}");
            return;
        }

        if (c.PhoneHash is null || c.PhoneCipher is null)
        {
            return;
        }

        if (c.Channel == CaseChannel.Online)
        {
            notices.Queue(c.PhoneHash, title, body, MemberPage);
        }
        else
        {
            sms.QueueNotice(protector.Decrypt(c.PhoneCipher), $"【12351】{body}");
        }
    }
}