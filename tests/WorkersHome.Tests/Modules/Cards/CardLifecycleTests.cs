using WorkersHome.Modules.Cards;

namespace WorkersHome.Tests.Modules.Cards;

public sealed class CardLifecycleTests
{
    /// <summary>The whole state machine as a table: every status against every action; null means refused.</summary>
    public static TheoryData<CardStatus, CardAction, CardStatus?> Moves => new()
    {
        { CardStatus.Active, CardAction.Freeze, CardStatus.Frozen },
        { CardStatus.Active, CardAction.Unfreeze, null },
        { CardStatus.Active, CardAction.ReportLost, CardStatus.ReportedLost },
        { CardStatus.Active, CardAction.Reissue, CardStatus.Reissued },
        { CardStatus.Active, CardAction.Cancel, CardStatus.Cancelled },
        { CardStatus.Frozen, CardAction.Freeze, null },
        { CardStatus.Frozen, CardAction.Unfreeze, CardStatus.Active },
        { CardStatus.Frozen, CardAction.ReportLost, CardStatus.ReportedLost },
        { CardStatus.Frozen, CardAction.Reissue, null },
        { CardStatus.Frozen, CardAction.Cancel, CardStatus.Cancelled },
        { CardStatus.ReportedLost, CardAction.Freeze, null },
        { CardStatus.ReportedLost, CardAction.Unfreeze, null },
        { CardStatus.ReportedLost, CardAction.ReportLost, null },
        { CardStatus.ReportedLost, CardAction.Reissue, CardStatus.Reissued },
        { CardStatus.ReportedLost, CardAction.Cancel, CardStatus.Cancelled },
        { CardStatus.Reissued, CardAction.Freeze, null },
        { CardStatus.Reissued, CardAction.Unfreeze, null },
        { CardStatus.Reissued, CardAction.ReportLost, null },
        { CardStatus.Reissued, CardAction.Reissue, null },
        { CardStatus.Reissued, CardAction.Cancel, null },
        { CardStatus.Cancelled, CardAction.Freeze, null },
        { CardStatus.Cancelled, CardAction.Unfreeze, null },
        { CardStatus.Cancelled, CardAction.ReportLost, null },
        { CardStatus.Cancelled, CardAction.Reissue, null },
        { CardStatus.Cancelled, CardAction.Cancel, null },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void Each_status_allows_exactly_its_moves(CardStatus from, CardAction action, CardStatus? to) =>
        CardLifecycle.Next(from, action).ShouldBe(to);

    [Fact]
    public void A_member_may_only_report_lost_and_reissue_and_a_frozen_card_offers_them_neither_reissue()
    {
        CardLifecycle.ActionsFrom(CardStatus.Active, member: true).ShouldBe([CardAction.ReportLost, CardAction.Reissue]);
        CardLifecycle.ActionsFrom(CardStatus.Frozen, member: true).ShouldBe([CardAction.ReportLost]);
        CardLifecycle.ActionsFrom(CardStatus.Active, member: false).ShouldBe([CardAction.Freeze, CardAction.ReportLost, CardAction.Reissue, CardAction.Cancel]);
        CardLifecycle.ActionsFrom(CardStatus.Cancelled, member: false).ShouldBeEmpty();
    }
}