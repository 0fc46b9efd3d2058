namespace WorkersHome.Platform.Sms;

/// <summary>A one-time sign-in code sent by SMS; only hashes are stored.</summary>
public sealed class SmsLoginCode
{
    public long Id { get; set; }

    public string PhoneHash { get; set; } = "";

    public string CodeHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public int FailedAttempts { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}