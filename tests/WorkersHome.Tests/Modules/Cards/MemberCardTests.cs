using WorkersHome.Modules.Cards;
using WorkersHome.Platform.Errors;

namespace WorkersHome.Tests.Modules.Cards;

/// <summary>The card's own rules, without a database: each move of the lifecycle table applied to the entity.</summary>
public sealed class MemberCardTests
{
    private static readonly DateTimeOffset Issued = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Issued.AddHours(3);

    [Theory]
    [MemberData(nameof(CardLifecycleTests.Moves), MemberType = typeof(CardLifecycleTests))]
    public void A_card_moves_exactly_as_the_table_allows_and_a_refused_move_changes_nothing(CardStatus from, CardAction action, CardStatus? to)
    {
        var card = CardIn(from);
        var version = card.Version;
        var changedAt = card.StatusChangedAt;

        if (to is { } expected)
        {
            card.Apply(action, Later).ShouldBe(from);
            (card.Status, card.StatusChangedAt, card.Version).ShouldBe((expected, Later, version + 1));
        }
        else
        {
            var refused = Should.Throw<ConflictException>(() => card.Apply(action, Later));
            var label = CardLifecycle.Label(action);
            new[] { label.Zh, label.En }.ShouldContain(l => refused.Message.Contains(l, StringComparison.Ordinal));
            (card.Status, card.StatusChangedAt, card.Version).ShouldBe((from, changedAt, version));
        }
    }

    [Fact]
    public void A_new_card_is_active_and_a_reissued_one_keeps_the_linked_bank_card_and_names_the_card_it_replaces()
    {
        var old = CardIn(CardStatus.Active);
        old.SetBankCard("中国工商银行", "1234", "cipher", Issued);
        old.Apply(CardAction.Reissue, Later);

        var renewed = MemberCard.Issue(Guid.NewGuid(), old.MemberId, old.OrgId, old.OrgPath, "6288110000000000001", Later, replaces: old);

        (renewed.Status, renewed.IssuedAt, renewed.StatusChangedAt, renewed.Version).ShouldBe((CardStatus.Active, Later, Later, 0));
        (renewed.ReplacesCardId, renewed.BankName, renewed.BankCardLast4, renewed.BankAccountCipher).ShouldBe((old.Id, "中国工商银行", "1234", "cipher"));
        renewed.IsUsable.ShouldBeTrue();
    }

    [Fact]
    public void A_bank_card_is_linked_to_a_live_card_only()
    {
        var frozen = CardIn(CardStatus.Frozen);
        frozen.SetBankCard("中国银行", "5678", "c", Later);
        (frozen.BankCardLast4, frozen.Version, frozen.StatusChangedAt).ShouldBe(("5678", 2, Later));
        frozen.SetBankCard(null, null, null, Later);
        frozen.BankName.ShouldBeNull();

        var cancelled = CardIn(CardStatus.Cancelled);
        Should.Throw<ConflictException>(() => cancelled.SetBankCard("中国银行", "5678", "c", Later));
        (cancelled.BankName, cancelled.Version).ShouldBe((null, 1));
    }

    [Fact]
    public void Status_labels_come_from_the_contract_names_by_number()
    {
        foreach (var status in Enum.GetValues<CardStatus>())
        {
            MemberCard.StatusLabel(status).ShouldBe(WorkersHome.Modules.Cards.Contracts.CardStatusNames.Label((int)status));
        }

        WorkersHome.Modules.Cards.Contracts.CardStatusNames.All.Select(s => s.Status).ShouldBe(Enum.GetValues<CardStatus>().Select(s => (int)s));
        MemberCard.StatusLabel(CardStatus.ReportedLost).Zh.ShouldBe("已挂失");
    }

    private static MemberCard CardIn(CardStatus status)
    {
        var card = MemberCard.Issue(Guid.NewGuid(), Guid.NewGuid(), 7, "/41/0102/", "6288110000000000002", Issued);
        CardAction? way = status switch
        {
            CardStatus.Frozen => CardAction.Freeze,
            CardStatus.ReportedLost => CardAction.ReportLost,
            CardStatus.Reissued => CardAction.Reissue,
            CardStatus.Cancelled => CardAction.Cancel,
            _ => null,
        };
        if (way is { } action)
        {
            card.Apply(action, Issued);
        }

        card.Status.ShouldBe(status);
        return card;
    }
}