using WorkersHome.Modules.Cards.Contracts;
using WorkersHome.Platform.Errors;
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
/// Its status moves only through <see cref="Apply"/>, along the table in <see cref="CardLifecycle"/>.
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

    public CardStatus Status { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset StatusChangedAt { get; private set; }

    /// <summary>The card this one replaced, for a reissued card's history.</summary>
    public Guid? ReplacesCardId { get; private set; }

    /// <summary>A co-branded bank card linked to this card, shown as data: the bank and the last four digits only.</summary>
    public string? BankName { get; private set; }

    public string? BankCardLast4 { get; private set; }

    /// <summary>The linked bank account number, encrypted; payments to the member use it, screens show the last four digits.</summary>
    public string? BankAccountCipher { get; private set; }

    public int Version { get; private set; }

    public bool IsUsable => Status == CardStatus.Active;

    /// <summary>Not reissued or cancelled: the one card a member holds.</summary>
    public bool IsLive => Status is not (CardStatus.Reissued or CardStatus.Cancelled);

    public static LocalizedText StatusLabel(CardStatus status) => CardStatusNames.Label((int)status);

    /// <summary>A new active card; a reissue (<paramref name="replaces"/>) keeps the linked bank card of the card it replaces.</summary>
    public static MemberCard Issue(Guid id, Guid memberId, long orgId, string orgPath, string number, DateTimeOffset at, MemberCard? replaces = null) => new()
    {
        Id = id,
        MemberId = memberId,
        OrgId = orgId,
        OrgPath = orgPath,
        Number = number,
        Status = CardStatus.Active,
        IssuedAt = at,
        StatusChangedAt = at,
        ReplacesCardId = replaces?.Id,
        BankName = replaces?.BankName,
        BankCardLast4 = replaces?.BankCardLast4,
        BankAccountCipher = replaces?.BankAccountCipher,
    };

    /// <summary>
    /// Moves the card by <paramref name="action"/> as <see cref="CardLifecycle"/> allows, or refuses (409) naming the
    /// status and the action; returns the status it left.
    /// </summary>
    public CardStatus Apply(CardAction action, DateTimeOffset at)
    {
        var to = CardLifecycle.Next(Status, action) ?? throw new ConflictException(Loc.T(
            $"“{StatusLabel(Status).Zh}”的会员卡不能{CardLifecycle.Label(action).Zh}",
            $"A card that is {StatusLabel(Status).En} cannot be given '{CardLifecycle.Label(action).En}'"));
        var from = Status;
        Status = to;
        StatusChangedAt = at;
        Version++;
        return from;
    }

    /// <summary>Links a co-branded bank card (null values unlink it); a live card only.</summary>
    public void SetBankCard(string? bankName, string? last4, string? accountCipher, DateTimeOffset at)
    {
        if (!IsLive)
        {
            throw new ConflictException(Loc.T("此卡已失效，请在新卡上绑定", "This card is void; link the bank card to the new one"));
        }

        (BankName, BankCardLast4, BankAccountCipher) = (bankName, last4, accountCipher);
        StatusChangedAt = at;
        Version++;
    }
}

/// <summary>One step in a card's life: who moved it from which status to which, and why.</summary>
public sealed class CardStatusChange
{
    public static CardStatusChange Of(MemberCard card, CardStatus? from, string actorName, string reason) => new()
    {
        CardId = card.Id,
        From = from,
        To = card.Status,
        At = card.StatusChangedAt,
        ActorName = actorName,
        Reason = reason,
    };

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