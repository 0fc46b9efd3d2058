namespace WorkersHome.Platform.Notices;

/// <summary>
/// An in-app notice for a person, addressed by the keyed hash of their phone: an applicant is not a member yet, and
/// a member signs in by phone, so the phone is the one address both have.
/// </summary>
public sealed class MemberNotice
{
    public long Id { get; set; }

    public string RecipientHash { get; set; } = "";

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    /// <summary>A page of the member site the notice points to, if any.</summary>
    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>The outbox message that delivered it: unique, so a message delivered again adds nothing.</summary>
    public long OutboxMessageId { get; set; }
}