using System.Text.Json;

using WorkersHome.Platform.Errors;
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
    /// <summary>Which status may follow which: only a waiting application is decided, once.</summary>
    private static readonly Dictionary<JoinStatus, JoinStatus[]> Transitions = new()
    {
        [JoinStatus.Pending] = [JoinStatus.Approved, JoinStatus.Rejected, JoinStatus.Withdrawn],
    };

    private JoinApplication()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Keyed hash of the phone that filed it: the applicant sees and withdraws their applications by it.</summary>
    public string PhoneHash { get; private set; } = "";

    public string PhoneCipher { get; private set; } = "";

    public string PhoneMasked { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string IdHash { get; private set; } = "";

    public string IdCipher { get; private set; } = "";

    public string IdMasked { get; private set; } = "";

    /// <summary>The rest of the form (codes, employer, employment form …) as JSON, without ID number or phone.</summary>
    public string Details { get; private set; } = "";

    public long OrgId { get; private set; }

    public string OrgPath { get; private set; } = "";

    public JoinStatus Status { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public string? Reason { get; private set; }

    public Guid? MemberId { get; private set; }

    public int Version { get; private set; }

    public static bool CanMove(JoinStatus from, JoinStatus to) => Transitions.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>A waiting application; the form is kept without the ID number, which is kept only encrypted.</summary>
    public static JoinApplication Submit(Guid id, ApplicantPhone phone, JoinForm form, string name, string idHash, string idCipher, string idMasked,
        long orgId, string orgPath, DateTimeOffset now) => new()
        {
            Id = id,
            PhoneHash = phone.Hash,
            PhoneCipher = phone.Cipher,
            PhoneMasked = phone.Masked,
            Name = name,
            IdHash = idHash,
            IdCipher = idCipher,
            IdMasked = idMasked,
            Details = JsonSerializer.Serialize(form with { IdNumber = null }, JoinForm.Json),
            OrgId = orgId,
            OrgPath = orgPath,
            Status = JoinStatus.Pending,
            SubmittedAt = now,
        };

    /// <summary>The form as submitted (without the ID number).</summary>
    public JoinForm? Form() => JsonSerializer.Deserialize<JoinForm>(Details, JoinForm.Json);

    /// <summary>Approved: the member record <paramref name="memberId"/> is the applicant's.</summary>
    public void Approve(int version, Guid memberId, string by, DateTimeOffset now)
    {
        Decide(JoinStatus.Approved, version, null, by, now);
        MemberId = memberId;
    }

    public void Reject(int version, string reason, string by, DateTimeOffset now) => Decide(JoinStatus.Rejected, version, reason, by, now);

    /// <summary>The applicant takes back a waiting application.</summary>
    public void Withdraw(int version, DateTimeOffset now) => Decide(JoinStatus.Withdrawn, version, null, PhoneMasked, now);

    /// <summary>Refuses a step the state table does not allow, or one decided on a copy that has changed since.</summary>
    public void EnsureCan(JoinStatus to, int version)
    {
        if (!CanMove(Status, to) || Version != version)
        {
            throw new ConflictException(Loc.T("该申请已处理或已变化，请刷新后查看", "The application was decided or changed meanwhile; reload it"));
        }
    }

    private void Decide(JoinStatus to, int version, string? reason, string by, DateTimeOffset now)
    {
        EnsureCan(to, version);
        (Status, Reason, DecidedAt, DecidedBy, Version) = (to, reason, now, by, version + 1);
    }

    public static LocalizedText StatusLabel(JoinStatus status) => status switch
    {
        JoinStatus.Pending => new("待审核", "Waiting for the union"),
        JoinStatus.Approved => new("已通过", "Approved"),
        JoinStatus.Rejected => new("未通过", "Rejected"),
        _ => new("已撤回", "Withdrawn"),
    };
}