using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence.OrgOwnership;

namespace WorkersHome.Modules.Members.Join;

public enum JoinStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
    Withdrawn = 4,
}

/// <summary>
/// An application to join a union (网上入会), filed on a phone. The ID number and phone are kept encrypted like a
/// member's; the rest of the form waits as submitted until the union's officer decides.
/// </summary>
[OrgOwned(WhenUnionMoves.FollowsUnion)]
public sealed class JoinApplication
{
    public Guid Id { get; set; }

    /// <summary>Keyed hash of the phone that filed it: the applicant sees and withdraws their applications by it.</summary>
    public string PhoneHash { get; set; } = "";

    public string PhoneCipher { get; set; } = "";

    public string PhoneMasked { get; set; } = "";

    public string Name { get; set; } = "";

    public string IdHash { get; set; } = "";

    public string IdCipher { get; set; } = "";

    public string IdMasked { get; set; } = "";

    /// <summary>The rest of the form (codes, employer, employment form …) as JSON, without ID number or phone.</summary>
    public string Details { get; set; } = "";

    public long OrgId { get; set; }

    public string OrgPath { get; set; } = "";

    public JoinStatus Status { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? Reason { get; set; }

    public Guid? MemberId { get; set; }

    public int Version { get; set; }

    public static LocalizedText StatusLabel(JoinStatus status) => status switch
    {
        JoinStatus.Pending => new("待审核", "Waiting for the union"),
        JoinStatus.Approved => new("已通过", "Approved"),
        JoinStatus.Rejected => new("未通过", "Rejected"),
        _ => new("已撤回", "Withdrawn"),
    };
}