using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

using Npgsql;

using WorkersHome.Modules.Cards.Contracts;
using WorkersHome.Modules.Cards.Tokens;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Modules.Cards;

public sealed class CardChecker(CardTokenVerifier verifier, CardRevocations revocations, AppDbContext db, DirectSql direct, IMemberDirectory members,
    IMemoryCache cache) : ICardChecker
{
    private const string CardSql = """
        SELECT "Status", "StatusChangedAt", "MemberId", "Number" FROM cards.cards WHERE "Id" = $1
        """;

    private sealed record CardRow(CardStatus Status, DateTimeOffset StatusChangedAt, Guid MemberId, string Number);

    public Task<CardCheck> CheckAsync(string token, CancellationToken ct = default) => CheckAsync(token, null, ct);

    public Task<CardCheck> CheckAsOfAsync(string token, DateTimeOffset at, CancellationToken ct = default) => CheckAsync(token, at, ct);

    private async Task<CardCheck> CheckAsync(string token, DateTimeOffset? asOf, CancellationToken ct)
    {
        await revocations.EnsureFreshAsync(ct);
        var result = asOf is { } at ? verifier.Verify(token, NoRevocations.Instance, at) : verifier.Verify(token, revocations);
        if (result.IsValid)
        {
            // The database has the last word at a sale: a change on another instance may not have reached this one's list yet.
            // A membership that ends cancels its card in the same transaction, so the card's status speaks for both.
            var card = await CardAsync(result.CardId, ct);
            // For a sale made offline, the card as it was then counts (its history says): a later change does not undo the sale.
            var status = card?.Status;
            if (card is not null && asOf is { } then && card.StatusChangedAt > then)
            {
                status = await db.CardStatusChanges.AsNoTracking().Where(c => c.CardId == result.CardId && c.At <= then)
                    .OrderByDescending(c => c.Id).Select(c => (CardStatus?)c.To).FirstOrDefaultAsync(ct);
            }

            result = result with { Verdict = status is { } known ? CardVerification.VerdictFor(known) : CardVerdict.Cancelled };
            if (result.IsValid)
            {
                return new CardCheck(true, result.Verdict.ToString(), result.Reason.Zh, result.Reason.En, result.CardId, card!.MemberId,
                    await HolderMaskedAsync(card.MemberId, ct), CardNumber.Masked(card.Number));
            }
        }

        return new CardCheck(false, result.Verdict.ToString(), result.Reason.Zh, result.Reason.En, null, null, null, null);
    }

    /// <summary>The card as the database has it now: on PostgreSQL one plain statement, the till's request needing no context of its own.</summary>
    private Task<CardRow?> CardAsync(Guid cardId, CancellationToken ct) =>
        direct.IsAvailable
            ? direct.FirstOrDefaultAsync(CardSql, r => new CardRow((CardStatus)r.GetInt32(0), r.GetFieldValue<DateTimeOffset>(1), r.GetGuid(2), r.GetString(3)),
                ct, new NpgsqlParameter<Guid> { TypedValue = cardId })
            : db.MemberCards.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == cardId)
                .Select(c => new CardRow(c.Status, c.StatusChangedAt, c.MemberId, c.Number)).FirstOrDefaultAsync(ct);

    private sealed class NoRevocations : ICardRevocationList
    {
        public static readonly NoRevocations Instance = new();

        public CardStatus? RevokedStatusOf(Guid cardId) => null;
    }

    /// <summary>The holder's masked name, remembered for a few minutes: a till shows it at every sale, and names rarely change.</summary>
    private async Task<string> HolderMaskedAsync(Guid memberId, CancellationToken ct) =>
        await cache.GetOrCreateAsync("card-holder:" + memberId.ToString("N"), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            entry.Size = 1;
            return Mask.Name((await members.FindCheckedCommittedAsync(memberId, ct))?.Name ?? "");
        }) ?? "";
}