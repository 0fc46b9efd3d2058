using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence.OrgOwnership;

namespace WorkersHome.Modules.Assistance.Archive;

public enum HardshipStatus
{
    /// <summary>Filed (or filed again after a return); the grassroots union checks the 三清 and proposes it.</summary>
    Submitted = 1,

    /// <summary>Proposed by the grassroots union; waits for the approving level (the county union by default).</summary>
    Proposed = 2,

    /// <summary>Sent back with reasons; the applicant or a cadre corrects it and files it again.</summary>
    Returned = 3,

    /// <summary>In the archive (在档): the household is a hardship household until it leaves.</summary>
    Active = 4,

    /// <summary>Left the archive (脱困), with a reason.</summary>
    Exited = 5,
}

/// <summary>
/// A hardship household's file (困难职工档案). The household's health, work and income, and its needs, are kept encrypted
/// (<see cref="DetailsCipher"/>); what lists and statistics need (causes, household size, housing) is kept plain. Its
/// status changes only through the steps below, each allowed from the statuses in <see cref="AllowedFrom"/>.
/// </summary>
[OrgOwned(WhenUnionMoves.FollowsUnion)]
public sealed class HardshipFile
{
    /// <summary>The actor of a step the member took on the phone.</summary>
    public const string ByMember = "member";

    /// <summary>The state table: from which statuses each step may be taken (filing opens a new file as submitted).</summary>
    public static readonly IReadOnlyDictionary<HardshipStepKind, HardshipStatus[]> AllowedFrom = new Dictionary<HardshipStepKind, HardshipStatus[]>
    {
        [HardshipStepKind.Checked] = [HardshipStatus.Submitted],
        [HardshipStepKind.Proposed] = [HardshipStatus.Submitted],
        [HardshipStepKind.Approved] = [HardshipStatus.Proposed],
        [HardshipStepKind.Returned] = [HardshipStatus.Submitted, HardshipStatus.Proposed],
        [HardshipStepKind.Refiled] = [HardshipStatus.Submitted, HardshipStatus.Returned],
        [HardshipStepKind.Reverified] = [HardshipStatus.Active],
        [HardshipStepKind.Exited] = [HardshipStatus.Active],
    };

    private HardshipFile()
    {
    }

    public Guid Id { get; private set; }

    public Guid MemberId { get; private set; }

    public string MemberName { get; private set; } = "";

    public string IdMasked { get; private set; } = "";

    public long OrgId { get; private set; }

    public string OrgPath { get; private set; } = "";

    public HardshipStatus Status { get; private set; }

    public HardshipCause PrimaryCause { get; private set; }

    public HardshipCause Causes { get; private set; }

    public int HouseholdSize { get; private set; }

    public HousingKind Housing { get; private set; }

    /// <summary>The form's household rows, needs and notes, as encrypted JSON (<see cref="HardshipDetails"/>).</summary>
    public string DetailsCipher { get; private set; } = "";

    public bool FamilyChecked { get; private set; }

    public bool CauseChecked { get; private set; }

    public bool NeedsChecked { get; private set; }

    public string? CheckedBy { get; private set; }

    public string? ProposedBy { get; private set; }

    /// <summary>"member" when the member filed it on the phone, else the cadre's user name.</summary>
    public string FiledBy { get; private set; } = "";

    public DateTimeOffset FiledAt { get; private set; }

    public DateOnly? ApprovedOn { get; private set; }

    public DateOnly? ReviewDueOn { get; private set; }

    /// <summary>The due date the member was last reminded of, so that a reminder goes once per review.</summary>
    public DateOnly? RemindedFor { get; private set; }

    public DateOnly? ExitedOn { get; private set; }

    public string? LastReason { get; private set; }

    public int Version { get; private set; }

    public bool IsOpen => Status != HardshipStatus.Exited;

    public bool ThreeChecksDone => FamilyChecked && CauseChecked && NeedsChecked;

    public static bool Allows(HardshipStatus status, HardshipStepKind step) => AllowedFrom.TryGetValue(step, out var from) && from.Contains(status);

    /// <summary>A new file, waiting for the grassroots union's check; its household is described next (<see cref="Describe"/>).</summary>
    public static HardshipFile Open(Guid id, Guid memberId, string memberName, string idMasked, long orgId, string orgPath, string filedBy, DateTimeOffset filedAt) =>
        new()
        {
            Id = id,
            MemberId = memberId,
            MemberName = memberName,
            IdMasked = idMasked,
            OrgId = orgId,
            OrgPath = orgPath,
            Status = HardshipStatus.Submitted,
            FiledBy = filedBy,
            FiledAt = filedAt,
        };

    /// <summary>
    /// Refuses a step the file's status does not allow, or one taken on a version of the file that is no longer current,
    /// before anything else is checked: someone else acted on the file meanwhile.
    /// </summary>
    public void EnsureCan(HardshipStepKind step, int version)
    {
        if (Version != version || !Allows(Status, step))
        {
            throw Changed();
        }
    }

    /// <summary>The household's situation as filed, corrected or reviewed: while the file waits for its check, came back, or is in the archive.</summary>
    public void Describe(string detailsCipher, HardshipCause causes, HardshipCause primaryCause, HousingKind housing, int householdSize)
    {
        if (!Allows(Status, HardshipStepKind.Refiled) && !Allows(Status, HardshipStepKind.Reverified))
        {
            throw Changed();
        }

        (DetailsCipher, Causes, PrimaryCause, Housing, HouseholdSize) = (detailsCipher, causes, primaryCause, housing, householdSize);
    }

    /// <summary>The 三清: family situation, cause and needs, each confirmed or not.</summary>
    public void Check(bool family, bool cause, bool needs, string by)
    {
        Guard(HardshipStepKind.Checked);
        (FamilyChecked, CauseChecked, NeedsChecked, CheckedBy) = (family, cause, needs, by);
    }

    public void Propose(string by)
    {
        Guard(HardshipStepKind.Proposed);
        if (!ThreeChecksDone)
        {
            throw new ConflictException(Loc.T("“三清”尚未全部核实（家庭状况、致困原因、帮扶需求），不能推荐", "Confirm all three checks (family, cause, needs) before proposing"));
        }

        (Status, ProposedBy) = (HardshipStatus.Proposed, by);
    }

    public void Approve(DateOnly on, DateOnly reviewDueOn)
    {
        Guard(HardshipStepKind.Approved);
        (Status, ApprovedOn, ReviewDueOn) = (HardshipStatus.Active, on, reviewDueOn);
    }

    /// <summary>Sent back: the checks are to be made again, and the proposal is gone.</summary>
    public void Return()
    {
        Guard(HardshipStepKind.Returned);
        (Status, FamilyChecked, CauseChecked, NeedsChecked, ProposedBy) = (HardshipStatus.Returned, false, false, false, null);
    }

    /// <summary>Filed again after a correction: the checks are to be made again.</summary>
    public void Refile()
    {
        Guard(HardshipStepKind.Refiled);
        (Status, FamilyChecked, CauseChecked, NeedsChecked) = (HardshipStatus.Submitted, false, false, false);
    }

    public void Reverify(DateOnly nextReviewDueOn)
    {
        Guard(HardshipStepKind.Reverified);
        ReviewDueOn = nextReviewDueOn;
    }

    /// <summary>脱困: the household leaves the archive.</summary>
    public void Exit(DateOnly on)
    {
        Guard(HardshipStepKind.Exited);
        (Status, ExitedOn) = (HardshipStatus.Exited, on);
    }

    /// <summary>The file follows its member to another union.</summary>
    public void MoveTo(long orgId, string orgPath) => (OrgId, OrgPath) = (orgId, orgPath);

    /// <summary>The member was reminded of the review now due, so that the reminder goes once.</summary>
    public void MarkReminded() => RemindedFor = ReviewDueOn;

    /// <summary>A step was taken on the version <paramref name="seenVersion"/>; its reason, if any, is the file's latest.</summary>
    public void Stamp(int seenVersion, string? reason)
    {
        Version = seenVersion + 1;
        LastReason = reason ?? LastReason;
    }

    public static LocalizedText StatusLabel(HardshipStatus status) => status switch
    {
        HardshipStatus.Submitted => new("待基层核实", "Waiting for the union's check"),
        HardshipStatus.Proposed => new("待上级审批", "Waiting for approval"),
        HardshipStatus.Returned => new("已退回", "Returned"),
        HardshipStatus.Active => new("在档", "In the archive"),
        _ => new("已脱困", "Left the archive"),
    };

    private void Guard(HardshipStepKind step)
    {
        if (!Allows(Status, step))
        {
            throw Changed();
        }
    }

    private ConflictException Changed() =>
        new(Loc.T($"该档案已变化（当前：{StatusLabel(Status).Zh}），请刷新后再办理", $"The file changed meanwhile (now: {StatusLabel(Status).En}); reload it"));
}

public enum HardshipStepKind
{
    Filed = 1,
    Checked = 2,
    Proposed = 3,
    Approved = 4,
    Returned = 5,
    Refiled = 6,
    Reverified = 7,
    Exited = 8,
}

/// <summary>One step in a file's history: who did what, when, what the rules said, and why.</summary>
public sealed class HardshipStep
{
    public long Id { get; set; }

    public Guid FileId { get; set; }

    public HardshipStepKind Kind { get; set; }

    public string Actor { get; set; } = "";

    public string ActorOrg { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary>The rules' finding when the step was taken (income against the line, the 三清).</summary>
    public string Outcome { get; set; } = "";

    public string? Reason { get; set; }

    public static LocalizedText Label(HardshipStepKind kind) => kind switch
    {
        HardshipStepKind.Filed => new("提交建档申请", "Filed"),
        HardshipStepKind.Checked => new("三清核实", "三清 check"),
        HardshipStepKind.Proposed => new("基层工会推荐", "Proposed by the union"),
        HardshipStepKind.Approved => new("审批通过，纳入档案", "Approved into the archive"),
        HardshipStepKind.Returned => new("退回", "Returned"),
        HardshipStepKind.Refiled => new("修改后重新提交", "Corrected and filed again"),
        HardshipStepKind.Reverified => new("年度复核", "Annual review"),
        _ => new("脱困退档", "Left the archive"),
    };
}

/// <summary>A proof document (image or PDF) of a file, stored encrypted outside the database.</summary>
public sealed class HardshipAttachment
{
    public Guid Id { get; set; }

    public Guid FileId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public string UploadedBy { get; set; } = "";

    public DateTimeOffset UploadedAt { get; set; }

    public string StoredName => "hardship-" + Id.ToString("N");
}