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
/// (<see cref="DetailsCipher"/>); what lists and statistics need (causes, household size, housing) is kept plain.
/// </summary>
[OrgOwned(WhenUnionMoves.FollowsUnion)]
public sealed class HardshipFile
{
    public Guid Id { get; set; }

    public Guid MemberId { get; set; }

    public string MemberName { get; set; } = "";

    public string IdMasked { get; set; } = "";

    public long OrgId { get; set; }

    public string OrgPath { get; set; } = "";

    public HardshipStatus Status { get; set; }

    public HardshipCause PrimaryCause { get; set; }

    public HardshipCause Causes { get; set; }

    public int HouseholdSize { get; set; }

    public HousingKind Housing { get; set; }

    /// <summary>The form's household rows, needs and notes, as encrypted JSON (<see cref="HardshipDetails"/>).</summary>
    public string DetailsCipher { get; set; } = "";

    public bool FamilyChecked { get; set; }

    public bool CauseChecked { get; set; }

    public bool NeedsChecked { get; set; }

    public string? CheckedBy { get; set; }

    public string? ProposedBy { get; set; }

    /// <summary>"member" when the member filed it on the phone, else the cadre's user name.</summary>
    public string FiledBy { get; set; } = "";

    public DateTimeOffset FiledAt { get; set; }

    public DateOnly? ApprovedOn { get; set; }

    public DateOnly? ReviewDueOn { get; set; }

    /// <summary>The due date the member was last reminded of, so that a reminder goes once per review.</summary>
    public DateOnly? RemindedFor { get; set; }

    public DateOnly? ExitedOn { get; set; }

    public string? LastReason { get; set; }

    public int Version { get; set; }

    public bool IsOpen => Status != HardshipStatus.Exited;

    public bool ThreeChecksDone => FamilyChecked && CauseChecked && NeedsChecked;

    public static LocalizedText StatusLabel(HardshipStatus status) => status switch
    {
        HardshipStatus.Submitted => new("待基层核实", "Waiting for the union's check"),
        HardshipStatus.Proposed => new("待上级审批", "Waiting for approval"),
        HardshipStatus.Returned => new("已退回", "Returned"),
        HardshipStatus.Active => new("在档", "In the archive"),
        _ => new("已脱困", "Left the archive"),
    };
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