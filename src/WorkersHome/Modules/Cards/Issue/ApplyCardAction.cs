using WorkersHome.Modules.Cards.Tokens;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Cards.Issue;

/// <summary>
/// 冻结 / 解冻 / 挂失 / 补换 / 注销: one use case for the five card actions, because they are one guarded move on one
/// table (<see cref="CardLifecycle"/>, applied by <see cref="MemberCard.Apply"/>) with the same version check, history
/// step, audit entry and revocation; only a reissue adds something (the new card). A reissue returns the new card,
/// anything else the card itself. The caller has already found the card within what the asker may see.
/// </summary>
public sealed class ApplyCardAction(AppDbContext db, CardBook book, CardRevocations revocations, AuditTrail audit, TimeProvider clock)
{
    public async Task<MemberCard> ExecuteAsync(MemberCard card, CardAction action, int expectedVersion, string? reason, string actorName, bool byMember,
        CancellationToken ct)
    {
        if (byMember && !CardLifecycle.MemberMay(action))
        {
            throw new ForbiddenException(Loc.T("此操作须由所在工会办理", "Your union must do this for you"));
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Entry(card).Property(c => c.Version).OriginalValue = expectedVersion;
        var from = card.Apply(action, now);
        var to = card.Status;
        var note = string.IsNullOrWhiteSpace(reason) ? CardLifecycle.Label(action).ToString() : reason.Trim();
        book.Record(card, from, actorName, note);
        // A second tap carries the old version and stops here with 409; nothing is applied twice.
        await db.SaveChangesAsync(ct);
        var result = card;
        if (action == CardAction.Reissue)
        {
            // Added only after the old card has left the live states, which the one-live-card index requires.
            result = book.NewCard(card.MemberId, card.OrgId, card.OrgPath, replaces: card);
            db.MemberCards.Add(result);
            book.Record(result, from: null, actorName, Loc.T($"补换，原卡 {CardNumber.Masked(card.Number)}", $"Reissued for {CardNumber.Masked(card.Number)}"));
        }

        audit.Record(CardAuditActions.StatusChanged, "card", card.Id.ToString(), card.OrgPath,
            new { card = CardNumber.Masked(card.Number), from, to, reason = note, newCard = result == card ? null : CardNumber.Masked(result.Number) }, actorName: actorName);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        revocations.Note(card.Id, to, now);
        return result;
    }
}