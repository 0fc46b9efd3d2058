using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Cards.Contracts;
using WorkersHome.Modules.Cards.Tokens;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Modules.Cards;

public sealed class CardChecker(CardTokenVerifier verifier, CardRevocations revocations, AppDbContext db, IMemberDirectory members) : ICardChecker
{
    public async Task<CardCheck> CheckAsync(string token, CancellationToken ct = default)
    {
        await revocations.EnsureFreshAsync(ct);
        var result = verifier.Verify(token, revocations);
        if (result.IsValid)
        {
            // The database has the last word at a sale: a change on another instance may not have reached this one's list yet.
            var card = await db.MemberCards.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == result.CardId)
                .Select(c => new { c.Status, c.MemberId, c.Number }).FirstOrDefaultAsync(ct);
            var holder = card is null ? null : await members.FindCheckedAsync(card.MemberId, ct);
            var verdict = card is null ? CardVerdict.Cancelled
                : card.Status != CardStatus.Active ? CardVerification.VerdictFor(card.Status)
                : holder is not { CountsAsMember: true } ? CardVerdict.Cancelled
                : CardVerdict.Valid;
            result = result with { Verdict = verdict };
            if (result.IsValid)
            {
                return new CardCheck(true, verdict.ToString(), result.Reason.Zh, result.Reason.En, result.CardId, card!.MemberId,
                    Mask.Name(holder!.Name), CardNumber.Masked(card.Number));
            }
        }

        return new CardCheck(false, result.Verdict.ToString(), result.Reason.Zh, result.Reason.En, null, null, null, null);
    }
}