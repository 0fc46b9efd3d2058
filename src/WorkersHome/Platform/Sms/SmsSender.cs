using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Outbox;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Platform.Sms;

/// <summary>The port through which the product sends text messages.</summary>
public interface ISmsSender
{
    /// <summary>Queues a message; it leaves with the caller's transaction, through the outbox.</summary>
    Task QueueAsync(string phone, string text, CancellationToken ct = default);

    /// <summary>
    /// Queues a notice the system sends on its own account (a decision on an application), outside the limits that
    /// guard sign-in codes against abuse from a phone or an address.
    /// </summary>
    void QueueNotice(string phone, string text);
}

public sealed class SmsRateLimits
{
    public TimeSpan PhoneMinInterval { get; set; } = TimeSpan.FromSeconds(60);

    public int PhonePerDay { get; set; } = 10;

    public int IpPerHour { get; set; } = 30;
}

/// <summary>
/// Default sender: writes the message to the outbox table. Limits per phone and per client IP are
/// counted in the database so that every app instance sees the same counts.
/// </summary>
public sealed class OutboxSmsSender(
    AppDbContext db, PersonalDataProtector protector, TimeProvider clock, IHttpContextAccessor http, SmsRateLimits limits) : ISmsSender
{
    public const string Channel = "sms";

    public async Task QueueAsync(string phone, string text, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var phoneHash = protector.BlindIndex(phone);
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        var sinceDay = now.AddDays(-1);
        var recentForPhone = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Channel == Channel && m.RecipientHash == phoneHash && m.CreatedAt > sinceDay)
            .Select(m => m.CreatedAt)
            .ToListAsync(ct);
        if (recentForPhone.Count > 0 && recentForPhone.Max() > now - limits.PhoneMinInterval)
        {
            throw new TooManyRequestsException(Loc.T("发送过于频繁，请稍后再试", "Too many messages; please wait a minute"));
        }

        if (recentForPhone.Count >= limits.PhonePerDay)
        {
            throw new TooManyRequestsException(Loc.T("该手机号今日短信次数已达上限", "This phone has reached today's message limit"));
        }

        if (ip is not null)
        {
            var sinceHour = now.AddHours(-1);
            var fromIp = await db.OutboxMessages.CountAsync(m => m.Channel == Channel && m.ClientIp == ip && m.CreatedAt > sinceHour, ct);
            if (fromIp >= limits.IpPerHour)
            {
                throw new TooManyRequestsException(Loc.T("请求过于频繁，请稍后再试", "Too many requests from this address"));
            }
        }

        Add(phone, phoneHash, text, ip, now);
    }

    public void QueueNotice(string phone, string text) => Add(phone, protector.BlindIndex(phone), text, null, clock.GetUtcNow());

    private void Add(string phone, string phoneHash, string text, string? ip, DateTimeOffset now) =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            Channel = Channel,
            RecipientCipher = protector.Encrypt(phone),
            RecipientMasked = Mask.Phone(phone),
            RecipientHash = phoneHash,
            ClientIp = ip,
            Body = text,
            CreatedAt = now,
        });
}

public sealed class TooManyRequestsException(string message) : Exception(message);