using WorkersHome.Platform.Outbox;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Modules.Rights.Messaging;

/// <summary>The port through which the union writes to a WeChat user outside a passive reply (a handler's answer days later).</summary>
public interface IWeChatMessenger
{
    /// <summary>Queues a text to the encrypted OpenID; it leaves with the caller's transaction, through the outbox.</summary>
    void Queue(string openIdCipher, string openIdHash, string text);
}

/// <summary>Default: the message waits in the outbox on the "wechat" channel, whose adapter delivers it.</summary>
public sealed class OutboxWeChatMessenger(AppDbContext db, PersonalDataProtector protector, TimeProvider clock) : IWeChatMessenger
{
    public const string Channel = "wechat";

    public void Queue(string openIdCipher, string openIdHash, string text) =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            Channel = Channel,
            RecipientCipher = openIdCipher,
            RecipientMasked = MaskOpenId(protector.Decrypt(openIdCipher)),
            RecipientHash = openIdHash,
            Body = text,
            CreatedAt = clock.GetUtcNow(),
        });

    /// <summary>oUpF…WeS6o: enough for a tester to tell two users apart, not enough to write to one.</summary>
    public static string MaskOpenId(string openId) => openId.Length > 10 ? string.Concat(openId.AsSpan(0, 4), "…", openId.AsSpan(openId.Length - 4)) : "…";
}

/// <summary>
/// The "wechat" outbox channel until an account's customer-service message API (客服消息) is wired: the message is
/// marked delivered and stays readable on the development simulator; nothing leaves the machine. A real adapter
/// would post the text to the API with the account's access token here.
/// </summary>
public sealed class LocalWeChatChannel(ILogger<LocalWeChatChannel> log) : IOutboxChannel
{
    public string Name => OutboxWeChatMessenger.Channel;

    public Task DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        log.LogInformation("WeChat message {MessageId} kept locally (no customer-service API configured)", message.Id);
        return Task.CompletedTask;
    }
}