using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence.OrgOwnership;

namespace WorkersHome.Modules.Assistance.Applications;

public enum ApplicationStatus
{
    /// <summary>Filed and judged eligible; waits for its approver(s).</summary>
    Submitted = 1,

    /// <summary>Two approvers are needed and one has approved.</summary>
    FirstApproved = 2,

    /// <summary>Approved: its amount is reserved from the budget.</summary>
    Approved = 3,

    Rejected = 4,

    Withdrawn = 5,
}

/// <summary>
/// An application to an assistance program (帮扶申请), judged by the rules version in force when it was filed. What the
/// applicant claimed (costs, the student, household ID numbers, remarks) is kept encrypted in <see cref="FactsCipher"/>.
/// </summary>
[OrgOwned(WhenUnionMoves.FollowsUnion)]
public sealed class AssistanceApplication
{
    public Guid Id { get; set; }

    public long ProgramId { get; set; }

    public long RuleVersionId { get; set; }

    public int RuleVersionNumber { get; set; }

    public Guid MemberId { get; set; }

    public string MemberName { get; set; } = "";

    public string IdMasked { get; set; } = "";

    public long OrgId { get; set; }

    public string OrgPath { get; set; } = "";

    /// <summary>Changed only through the decisions below, each checked against <see cref="Transitions"/>.</summary>
    public ApplicationStatus Status { get; private set; } = ApplicationStatus.Submitted;

    public SchoolLevel? SchoolLevel { get; set; }

    public decimal Amount { get; set; }

    public string ExplanationZh { get; set; } = "";

    public string ExplanationEn { get; set; } = "";

    /// <summary>The tree level that must approve (5 = grassroots) and how many different approvers.</summary>
    public int ApprovalLevel { get; set; }

    public int ApproversNeeded { get; set; }

    public string? FirstApprover { get; private set; }

    /// <summary>Blind indexes of the applicant's and the declared household members' ID numbers: none of them may approve.</summary>
    public string HouseholdIdHashes { get; set; } = "";

    /// <summary>The member, or the person aided (a student), for programs that allow one application per person; else the application.</summary>
    public string PersonKey { get; set; } = "";

    /// <summary>The form's one-time key: the same form sent twice (a double click, a retry) files one application.</summary>
    public Guid SubmissionKey { get; set; }

    public string FactsCipher { get; set; } = "";

    public long? BudgetId { get; private set; }

    /// <summary>"member" when the member filed on the phone, else the cadre's user name.</summary>
    public string FiledBy { get; set; } = "";

    public DateTimeOffset FiledAt { get; set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? LastReason { get; set; }

    public int Version { get; set; }

    /// <summary>
    /// The state table: where an application may go from each status. It is decided (approved, in one or two steps, or
    /// rejected) or withdrawn only while it waits; a decided or withdrawn application never moves again.
    /// </summary>
    public static readonly IReadOnlyDictionary<ApplicationStatus, ApplicationStatus[]> Transitions = new Dictionary<ApplicationStatus, ApplicationStatus[]>
    {
        [ApplicationStatus.Submitted] = [ApplicationStatus.FirstApproved, ApplicationStatus.Approved, ApplicationStatus.Rejected, ApplicationStatus.Withdrawn],
        [ApplicationStatus.FirstApproved] = [ApplicationStatus.Approved, ApplicationStatus.Rejected, ApplicationStatus.Withdrawn],
        [ApplicationStatus.Approved] = [],
        [ApplicationStatus.Rejected] = [],
        [ApplicationStatus.Withdrawn] = [],
    };

    public bool IsWaiting => Status is ApplicationStatus.Submitted or ApplicationStatus.FirstApproved;

    /// <summary>Whether an approval now is the first of two (the application needs two approvers and has none yet).</summary>
    public bool AwaitsFirstOfTwo => this is { ApproversNeeded: 2, Status: ApplicationStatus.Submitted };

    public static bool CanMove(ApplicationStatus from, ApplicationStatus to) => Transitions.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>Refuses (409) an application that changed since the caller read it at <paramref name="version"/>, or that no longer waits.</summary>
    public void Expect(int version)
    {
        if (Version != version || !IsWaiting)
        {
            throw Changed();
        }
    }

    /// <summary>The first of two approvals; the second must come from someone else.</summary>
    public void ApproveFirst(string approver)
    {
        MoveTo(ApplicationStatus.FirstApproved);
        FirstApprover = approver;
    }

    /// <summary>The final approval: its amount is held from <paramref name="budgetId"/>.</summary>
    public void Approve(long budgetId, DateTimeOffset at)
    {
        MoveTo(ApplicationStatus.Approved);
        (BudgetId, DecidedAt) = (budgetId, at);
    }

    public void Reject(DateTimeOffset at)
    {
        MoveTo(ApplicationStatus.Rejected);
        DecidedAt = at;
    }

    public void Withdraw(DateTimeOffset at)
    {
        MoveTo(ApplicationStatus.Withdrawn);
        DecidedAt = at;
    }

    private void MoveTo(ApplicationStatus to)
    {
        if (!CanMove(Status, to))
        {
            throw Changed();
        }

        Status = to;
    }

    private ConflictException Changed() =>
        new(Loc.T($"该申请已变化（当前：{StatusLabel(Status).Zh}），请刷新后再办理", $"The application changed meanwhile (now: {StatusLabel(Status).En}); reload it"));

    public LocalizedText Explanation => new(ExplanationZh, ExplanationEn);

    public static LocalizedText StatusLabel(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => new("待审批", "Waiting for approval"),
        ApplicationStatus.FirstApproved => new("待第二人审批", "Waiting for the second approver"),
        ApplicationStatus.Approved => new("已批准", "Approved"),
        ApplicationStatus.Rejected => new("未批准", "Rejected"),
        _ => new("已撤回", "Withdrawn"),
    };
}

public enum ApplicationStepKind
{
    Filed = 1,
    Approved = 2,
    Rejected = 3,
    Withdrawn = 4,
}

/// <summary>One step in an application's history: who, when, at which union, what the rules found, and why.</summary>
public sealed class ApplicationStep
{
    public long Id { get; set; }

    public Guid ApplicationId { get; set; }

    public ApplicationStepKind Kind { get; set; }

    public string Actor { get; set; } = "";

    public string ActorOrg { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public string Outcome { get; set; } = "";

    public string? Reason { get; set; }

    public static LocalizedText KindLabel(ApplicationStepKind kind) => kind switch
    {
        ApplicationStepKind.Filed => new("提交申请", "Filed"),
        ApplicationStepKind.Approved => new("审批同意", "Approved"),
        ApplicationStepKind.Rejected => new("审批不同意", "Rejected"),
        _ => new("撤回申请", "Withdrawn"),
    };
}

/// <summary>A household member declared on an application (the student, the patient, a spouse).</summary>
public sealed record DeclaredPerson(string? Name, string? Relation, string? IdNumber);

/// <summary>A hospital bill behind a medical mutual aid claim: the out-of-pocket cost is the total less what medical insurance paid.</summary>
public sealed record MedicalBill(string? Hospital, string? Diagnosis, decimal? TotalCost, decimal? InsurancePaid)
{
    public decimal? OutOfPocket => TotalCost is { } total && InsurancePaid is { } paid ? total - paid : null;
}

/// <summary>What an applicant fills in; <c>PayToCard</c> asks for the payout to the account linked to the member's service card instead of a typed one.</summary>
public sealed record ApplicationForm(
    long ProgramId, SchoolLevel? SchoolLevel, decimal? ClaimedCost, string? Description, IReadOnlyList<DeclaredPerson>? Household, Guid? SubmissionKey,
    string? BankName = null, string? AccountNumber = null, MedicalBill? Bill = null, bool PayToCard = false);

/// <summary>The form's encrypted part, with ID numbers kept whole for the payment file and masked on screen.</summary>
public sealed record ApplicationFacts(decimal? ClaimedCost, string? Description, IReadOnlyList<DeclaredPerson> Household, string? BankName = null, string? AccountNumber = null,
    MedicalBill? Bill = null, bool ToCard = false);