namespace WorkersHome.Modules.Cards;

public enum CardAction
{
    Freeze,
    Unfreeze,
    ReportLost,

    /// <summary>Replace the card with a new number; the old one is dead at once.</summary>
    Reissue,
    Cancel,
}

/// <summary>Who may move a card, and where each action takes it: one table, read by the use cases and the pages.</summary>
public static class CardLifecycle
{
    private static readonly Dictionary<(CardStatus From, CardAction Action), CardStatus> Moves = new()
    {
        [(CardStatus.Active, CardAction.Freeze)] = CardStatus.Frozen,
        [(CardStatus.Frozen, CardAction.Unfreeze)] = CardStatus.Active,
        [(CardStatus.Active, CardAction.ReportLost)] = CardStatus.ReportedLost,
        [(CardStatus.Frozen, CardAction.ReportLost)] = CardStatus.ReportedLost,
        [(CardStatus.Active, CardAction.Reissue)] = CardStatus.Reissued,
        [(CardStatus.ReportedLost, CardAction.Reissue)] = CardStatus.Reissued,
        [(CardStatus.Active, CardAction.Cancel)] = CardStatus.Cancelled,
        [(CardStatus.Frozen, CardAction.Cancel)] = CardStatus.Cancelled,
        [(CardStatus.ReportedLost, CardAction.Cancel)] = CardStatus.Cancelled,
    };

    /// <summary>What the member may do to their own card on the phone; the rest is for cadres (a frozen card stays frozen).</summary>
    private static readonly HashSet<CardAction> MemberActions = [CardAction.ReportLost, CardAction.Reissue];

    public static CardStatus? Next(CardStatus from, CardAction action) =>
        Moves.TryGetValue((from, action), out var to) ? to : null;

    public static bool MemberMay(CardAction action) => MemberActions.Contains(action);

    public static IEnumerable<CardAction> ActionsFrom(CardStatus status, bool member) =>
        Enum.GetValues<CardAction>().Where(a => Next(status, a) is not null && (!member || MemberMay(a)));

    public static Platform.Localization.LocalizedText Label(CardAction action) => action switch
    {
        CardAction.Freeze => new("冻结", "Freeze"),
        CardAction.Unfreeze => new("解冻", "Unfreeze"),
        CardAction.ReportLost => new("挂失", "Report lost"),
        CardAction.Reissue => new("补换新卡", "Reissue"),
        _ => new("注销", "Cancel"),
    };
}