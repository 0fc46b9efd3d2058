namespace WorkersHome.Platform.Security;

/// <summary>A bearer token for an integration, stored only as a hash; acts as the cadre who made it.</summary>
public sealed class ApiToken
{
    public long Id { get; set; }

    public Guid UserId { get; set; }

    public string Name { get; set; } = "";

    public string TokenHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}