using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence.OrgOwnership;

namespace WorkersHome.Modules.Members;

public enum IdDocumentType
{
    ResidentId = 1,
    HongKongMacaoPermit = 2,
    TaiwanPermit = 3,
    Passport = 4,
}

public enum EmploymentForm
{
    FullTime = 1,
    Dispatched = 2,
    PartTime = 3,
    Flexible = 4,
}

public enum MembershipStatus
{
    Active = 1,
    Retained = 2,
    TransferredOut = 3,
    Left = 4,
    Deceased = 5,
}

/// <summary>
/// One person's real-name membership record: one record per person nationwide, found by the keyed
/// hash of the ID number. ID number and phone are stored encrypted, with masked copies for screens.
/// </summary>
[OrgOwned(WhenUnionMoves.FollowsUnion)]
public sealed class Member
{
    /// <summary>Which statuses a cadre may set from which (transfers have their own flow: <see cref="MoveTo"/>).</summary>
    private static readonly Dictionary<MembershipStatus, MembershipStatus[]> StatusChanges = new()
    {
        [MembershipStatus.Active] = [MembershipStatus.Retained, MembershipStatus.Left, MembershipStatus.Deceased],
        [MembershipStatus.Retained] = [MembershipStatus.Active, MembershipStatus.Left, MembershipStatus.Deceased],
        [MembershipStatus.Left] = [MembershipStatus.Active],
    };

    public Guid Id { get; set; }

    public long OrgId { get; set; }

    /// <summary>The union's materialised path, copied so that subtree lists are one index range.</summary>
    public string OrgPath { get; set; } = "";

    public string Name { get; set; } = "";

    public Gender Gender { get; set; }

    public string EthnicityCode { get; set; } = "";

    public IdDocumentType IdType { get; set; }

    public string IdCipher { get; set; } = "";

    [ByteOrder]
    public string IdHash { get; set; } = "";

    public string IdMasked { get; set; } = "";

    public DateOnly BirthDate { get; set; }

    public string? PhoneCipher { get; set; }

    [ByteOrder]
    public string? PhoneHash { get; set; }

    public string? PhoneMasked { get; set; }

    public string? EducationCode { get; set; }

    public string? PoliticalStatusCode { get; set; }

    public string? EmployerName { get; set; }

    public EmploymentForm EmploymentForm { get; set; }

    /// <summary>For flexible (gig) work: the platform, e.g. a delivery or ride-hailing platform.</summary>
    public string? PlatformName { get; set; }

    public bool IsMigrantWorker { get; set; }

    public string? HouseholdRegistration { get; set; }

    public DateOnly JoinedOn { get; set; }

    /// <summary>A record starts active; later changes go through <see cref="ChangeStatus"/>.</summary>
    public MembershipStatus Status { get; private set; } = MembershipStatus.Active;

    /// <summary>Groups the union keeps the member in (model worker, hardship), which offers may be limited to.</summary>
    public Contracts.MemberGroups Groups { get; set; }

    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static bool CanChangeStatus(MembershipStatus from, MembershipStatus to) => StatusChanges.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>Retains, ends or restores the membership, as the state table allows; a stale version fails when saved.</summary>
    public void ChangeStatus(MembershipStatus to, int expectedVersion, DateTimeOffset now)
    {
        EnsureCanChangeStatus(to);
        Status = to;
        Version = expectedVersion + 1;
        UpdatedAt = now;
    }

    public void EnsureCanChangeStatus(MembershipStatus to)
    {
        if (!CanChangeStatus(Status, to))
        {
            throw new ConflictException(Loc.T($"会籍状态不能从“{StatusLabel(Status).Zh}”改为“{StatusLabel(to).Zh}”",
                $"Membership cannot go from {StatusLabel(Status).En} to {StatusLabel(to).En}"));
        }
    }

    /// <summary>The record moves to another union by a completed transfer; only an active membership still in the sending union moves.</summary>
    public void MoveTo(long fromOrgId, long orgId, string orgPath, DateTimeOffset now)
    {
        EnsureCanMoveFrom(fromOrgId);
        (OrgId, OrgPath, UpdatedAt) = (orgId, orgPath, now);
        Version++;
    }

    public void EnsureCanMoveFrom(long fromOrgId)
    {
        if (Status != MembershipStatus.Active || OrgId != fromOrgId)
        {
            throw new ConflictException(Loc.T("会员的会籍已变化，转接不能完成", "The membership changed meanwhile; the transfer cannot complete"));
        }
    }

    public static bool CountsAsMember(MembershipStatus status) => status is MembershipStatus.Active or MembershipStatus.Retained;

    public static LocalizedText StatusLabel(MembershipStatus status) => status switch
    {
        MembershipStatus.Active => new("在册", "Active"),
        MembershipStatus.Retained => new("保留会籍", "Retained membership"),
        MembershipStatus.TransferredOut => new("已转出", "Transferred out"),
        MembershipStatus.Left => new("已退会", "Left"),
        _ => new("已故", "Deceased"),
    };

    public static LocalizedText EmploymentLabel(EmploymentForm form) => form switch
    {
        EmploymentForm.FullTime => new("全日制", "Full-time"),
        EmploymentForm.Dispatched => new("劳务派遣", "Dispatched"),
        EmploymentForm.PartTime => new("非全日制", "Part-time"),
        _ => new("灵活就业（新就业形态）", "Flexible / gig work"),
    };
}

/// <summary>The membership's history: joins, status changes, transfers.</summary>
public sealed class MembershipEvent
{
    public long Id { get; set; }

    public Guid MemberId { get; set; }

    public long OrgId { get; set; }

    public DateTimeOffset At { get; set; }

    public MembershipStatus Status { get; set; }

    public string Note { get; set; } = "";

    public string ActorName { get; set; } = "";
}