namespace WorkersHome.Platform.Outbox;

/// <summary>
/// A side effect (SMS, notification, file) written in the same transaction as the change that
/// caused it, and delivered later by exactly one app instance.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public string Channel { get; set; } = "";

    /// <summary>Recipient, encrypted (it is usually a phone number).</summary>
    public string? RecipientCipher { get; set; }

    /// <summary>Recipient as shown on screens, masked.</summary>
    public string? RecipientMasked { get; set; }

    /// <summary>Keyed hash of the recipient, for rate limits without decrypting.</summary>
    public string? RecipientHash { get; set; }

    public string? ClientIp { get; set; }

    public string Body { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimExpiresAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public string? DeliveredBy { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}

/// <summary>One row per delivery performed; a message delivered twice would show two rows.</summary>
public sealed class OutboxDelivery
{
    public long Id { get; set; }

    public long MessageId { get; set; }

    public string Instance { get; set; } = "";

    public DateTimeOffset At { get; set; }
}