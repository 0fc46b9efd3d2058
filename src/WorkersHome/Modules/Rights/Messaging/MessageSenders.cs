using System.Text;

using WorkersHome.Modules.Rights.Cases;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Modules.Rights.Messaging;

/// <summary>How a channel's sender is kept on a case and found again.</summary>
public sealed class MessageSenders(PersonalDataProtector protector, CaseIntake intake)
{
    /// <summary>
    /// An OpenID is case-sensitive, while the keyed hash upper-cases what it hashes (for ID numbers): it is hashed as
    /// hex of its bytes, so that two OpenIDs differing only in case never meet.
    /// </summary>
    public string HashOpenId(string openId) => protector.BlindIndex("wechat:" + Convert.ToHexString(Encoding.UTF8.GetBytes(openId)));

    public MessageFrom WeChat(string openId) => new(null, new MessageSender(protector.Encrypt(openId), HashOpenId(openId)));

    public MessageFrom Phone(string phone) => new(intake.Protect(phone), null);
}

/// <summary>A message's sender: a phone (SMS) or a channel address without one (WeChat).</summary>
public sealed record MessageFrom(CallerPhone? Phone, MessageSender? Sender);