using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence.OrgOwnership;

namespace WorkersHome.Modules.Assistance.Programs;

public enum ProgramStatus
{
    /// <summary>Applications are taken within the period.</summary>
    Open = 1,

    /// <summary>No new applications; those filed are still decided and paid.</summary>
    Closed = 2,
}

/// <summary>
/// An assistance program (帮扶项目) of one union for one year: it covers that union's subtree, has a budget allocated
/// down the tree, and rules kept as versioned data (<see cref="ProgramRuleVersion"/>).
/// </summary>
[OrgOwned(WhenUnionMoves.FollowsUnion, SubtreeFilter = false)]
public sealed class AssistanceProgram
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public ProgramType Type { get; set; }

    public long OrgId { get; set; }

    public string OrgPath { get; set; } = "";

    public string OrgName { get; set; } = "";

    public int Year { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    /// <summary>Changed only through <see cref="ChangeStatus"/>, as <see cref="Transitions"/> allows.</summary>
    public ProgramStatus Status { get; private set; } = ProgramStatus.Open;

    /// <summary>The version number of the rules in force now (<see cref="ProgramRuleVersion.Number"/>).</summary>
    public int RulesVersion { get; private set; } = 1;

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public int Version { get; set; }

    /// <summary>The state table: a program is opened and closed for new applications, as often as its union wants.</summary>
    public static readonly IReadOnlyDictionary<ProgramStatus, ProgramStatus[]> Transitions = new Dictionary<ProgramStatus, ProgramStatus[]>
    {
        [ProgramStatus.Open] = [ProgramStatus.Closed],
        [ProgramStatus.Closed] = [ProgramStatus.Open],
    };

    public static bool CanMove(ProgramStatus from, ProgramStatus to) => Transitions.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>Opens or closes the program; asking for the status it has already changes nothing (a repeated request).</summary>
    public void ChangeStatus(ProgramStatus to)
    {
        if (to == Status)
        {
            return;
        }

        if (!CanMove(Status, to))
        {
            throw new ConflictException(Loc.T($"项目当前为“{StatusLabel(Status).Zh}”，不能改为该状态", $"The program is {StatusLabel(Status).En}; it cannot take that status"));
        }

        Status = to;
    }

    /// <summary>A new rules version comes into force: its number.</summary>
    public int NextRulesVersion() => ++RulesVersion;

    public bool TakesApplicationsOn(DateOnly day) => Status == ProgramStatus.Open && day >= StartsOn && day <= EndsOn;

    public static LocalizedText StatusLabel(ProgramStatus status) =>
        status == ProgramStatus.Open ? new("受理中", "Open") : new("已关闭", "Closed");
}

/// <summary>One version of a program's rules; never changed once written.</summary>
public sealed class ProgramRuleVersion
{
    public long Id { get; set; }

    public long ProgramId { get; set; }

    public int Number { get; set; }

    /// <summary>The <see cref="ProgramRules"/> as JSON.</summary>
    public string RulesJson { get; set; } = "";

    public DateTimeOffset EffectiveFrom { get; set; }

    public string CreatedBy { get; set; } = "";

    public string? Note { get; set; }
}

/// <summary>
/// A program's budget at one org for the program's year. The owning union's budget is the program's whole budget; a
/// union allocates part of its own to a union below (a city to its counties). The figures here are a running
/// projection of the fund ledger (<see cref="FundEntry"/>), changed only by conditional updates in the same transaction
/// as the entry, so that the reconciliation finds them equal to the ledger's sums.
/// </summary>
[OrgOwned(WhenUnionMoves.FollowsUnion, FollowsMerge = false, SubtreeFilter = false)]
public sealed class ProgramBudget
{
    public long Id { get; set; }

    public long ProgramId { get; set; }

    public long OrgId { get; set; }

    public string OrgPath { get; set; } = "";

    public string OrgName { get; set; } = "";

    /// <summary>The budget this one was allocated from; null for the owning union's.</summary>
    public long? ParentId { get; set; }

    /// <summary>What this org received (or, for the owner, the program's budget).</summary>
    public decimal Amount { get; set; }

    /// <summary>What this org passed on to unions below.</summary>
    public decimal AllocatedOut { get; set; }

    /// <summary>Held for approved applications not yet paid.</summary>
    public decimal Reserved { get; set; }

    public decimal Paid { get; set; }

    public decimal Available => Amount - AllocatedOut - Reserved - Paid;
}

public enum FundEntryKind
{
    /// <summary>Budget received (positive) or taken back (negative).</summary>
    Allocated = 1,

    /// <summary>Budget passed to a union below (positive) or taken back from it (negative).</summary>
    AllocatedOut = 2,

    /// <summary>Held for an approved application.</summary>
    Reserved = 3,

    /// <summary>A hold given back (an approved application cancelled, or a failed payment given up).</summary>
    Released = 4,

    Paid = 5,

    /// <summary>A payment the bank returned: its money is held again until retried or given up.</summary>
    PaymentFailed = 6,

    /// <summary>A payment undone after the fact (the money came back).</summary>
    Reversed = 7,
}

/// <summary>
/// The fund ledger: append-only, one row per business operation, each with a unique idempotency key, so that a
/// double click, a retried request or a crash never books an operation twice.
/// </summary>
public sealed class FundEntry
{
    public long Id { get; set; }

    public long ProgramId { get; set; }

    public long BudgetId { get; set; }

    public Guid? ApplicationId { get; set; }

    public FundEntryKind Kind { get; set; }

    public decimal Amount { get; set; }

    public string IdempotencyKey { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public string Actor { get; set; } = "";
}