namespace WorkersHome.Modules.Members.SignIn;

/// <summary>A phone that signs in as a member: linked once, after the member confirmed their name and ID number.</summary>
public sealed class MemberLogin
{
    public long Id { get; set; }

    public Guid MemberId { get; set; }

    /// <summary>Keyed hash of the phone; the phone itself is never stored here.</summary>
    public string PhoneHash { get; set; } = "";

    public string PhoneMasked { get; set; } = "";

    public DateTimeOffset LinkedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }
}