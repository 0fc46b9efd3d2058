using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence.OrgOwnership;

namespace WorkersHome.Modules.Cards;

public enum CardStatus
{
    Active = 1,
    Frozen = 2,
    ReportedLost = 3,

    /// <summary>Replaced by a new card (补换): the old number is dead from that moment.</summary>
    Reissued = 4,
    Cancelled = 5,
}

/// <summary>
/// A member service card (会员服务卡): proves membership to merchants and carries benefits. A member holds at most
/// one card that is not reissued or cancelled; the card number is the printed identity, the id is what tokens carry.
/// </summary>
[OrgOwned(WhenUnionMoves.FollowsUnion)]
public sealed class MemberCard
{
    public Guid Id { get; set; }

    public Guid MemberId { get; set; }

    public long OrgId { get; set; }

    /// <summary>The member's union path, copied so that a cadre's subtree scope applies to cards as to members.</summary>
    public string OrgPath { get; set; } = "";

    /// <summary>Prefix + serial + Luhn check digit (<see cref="CardNumber"/>).</summary>
    public string Number { get; set; } = "";

    public CardStatus Status { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset StatusChangedAt { get; set; }

    /// <summary>The card this one replaced, for a reissued card's history.</summary>
    public Guid? ReplacesCardId { get; set; }

    /// <summary>A co-branded bank card linked to this card, shown as data: the bank and the last four digits only.</summary>
    public string? BankName { get; set; }

    public string? BankCardLast4 { get; set; }

    /// <summary>The linked bank account number, encrypted; payments to the member use it, screens show the last four digits.</summary>
    public string? BankAccountCipher { get; set; }

    public int Version { get; set; }

    public bool IsUsable => Status == CardStatus.Active;

    public static LocalizedText StatusLabel(CardStatus status) => status switch
    {
        CardStatus.Active => new("正常", "Active"),
        CardStatus.Frozen => new("已冻结", "Frozen"),
        CardStatus.ReportedLost => new("已挂失", "Reported lost"),
        CardStatus.Reissued => new("已补换", "Reissued"),
        _ => new("已注销", "Cancelled"),
    };
}

/// <summary>One step in a card's life: who moved it from which status to which, and why.</summary>
public sealed class CardStatusChange
{
    public long Id { get; set; }

    public Guid CardId { get; set; }

    public CardStatus? From { get; set; }

    public CardStatus To { get; set; }

    public DateTimeOffset At { get; set; }

    public string ActorName { get; set; } = "";

    public string Reason { get; set; } = "";
}

/// <summary>A benefit every card holder below a union enjoys (e.g. transit discounts), kept as data by that union.</summary>
[OrgOwned(WhenUnionMoves.FollowsUnion, UnionId = null, SubtreeFilter = false)]
public sealed class CardBenefit
{
    public long Id { get; set; }

    /// <summary>The union whose subtree the benefit covers.</summary>
    public string OrgPath { get; set; } = "";

    public string Zh { get; set; } = "";

    public string En { get; set; } = "";

    public int SortOrder { get; set; }
}