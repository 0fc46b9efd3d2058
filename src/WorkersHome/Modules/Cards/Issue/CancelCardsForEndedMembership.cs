using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Cards.Issue;

/// <summary>
/// Cancels the live card of a membership that has ended, inside the caller's transaction (saved with it). The
/// revocation list learns of it from its next refresh, after the commit, so a rollback cannot leave it wrong.
/// </summary>
public sealed class CancelCardsForEndedMembership(CardBook book, TimeProvider clock)
{
    public async Task ExecuteAsync(Guid memberId, string actorName, CancellationToken ct)
    {
        if (await book.LiveCardAsync(memberId, ct) is not { } card)
        {
            return;
        }

        var from = card.Apply(CardAction.Cancel, clock.GetUtcNow());
        book.Record(card, from, actorName, Loc.T("会籍终止，会员卡注销", "Membership ended; card cancelled"));
    }
}