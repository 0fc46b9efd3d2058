using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Cards.Tokens;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Statistics;

namespace WorkersHome.Modules.Cards.Issue;

public static class CardAuditActions
{
    public const string Issued = "card.issued";
    public const string StatusChanged = "card.status-changed";
    public const string BulkIssued = "card.bulk-issued";
}

/// <summary>
/// Issues cards and moves them through their life (<see cref="CardLifecycle"/>), for cadres in their subtree and
/// for members on their own card. The caller has already found the card or member within what the asker may see.
/// </summary>
public sealed class CardDesk(AppDbContext db, CardRevocations revocations, CardOptions options, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The member's live card, issuing one if they have none; a repeated call returns the same card.</summary>
    public async Task<MemberCard> IssueAsync(MemberSummary member, string actorName, CancellationToken ct) =>
        (await IssueOneAsync(member, actorName, ct)).Card;

    private async Task<(MemberCard Card, bool IsNew)> IssueOneAsync(MemberSummary member, string actorName, CancellationToken ct)
    {
        if (await LiveCardAsync(member.Id, ct) is { } live)
        {
            return (live, false);
        }

        if (!member.CountsAsMember)
        {
            throw new ConflictException(Loc.T($"会籍状态为“{member.StatusZh}”，不能办理会员卡", $"No card for a membership that is {member.StatusEn}"));
        }

        var card = NewCard(member.Id, member.OrgId, member.OrgPath, replaces: null);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.MemberCards.Add(card);
            Record(card, from: null, actorName, Loc.T("开卡", "Card issued"));
            audit.Record(CardAuditActions.Issued, "card", card.Id.ToString(), card.OrgPath, new { card = CardNumber.Masked(card.Number) }, actorName: actorName);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (card, true);
        }
        catch (DbUpdateException)
        {
            // Two requests raced to issue (a double tap): the unique index kept one live card; answer with it.
            db.ChangeTracker.Clear();
            var other = await LiveCardAsync(member.Id, ct) ?? throw new ConflictException(Loc.T("发卡冲突，请重试", "The card could not be issued; try again"));
            return (other, false);
        }
    }

    /// <summary>
    /// Issues a card to each of <paramref name="members"/> that has no live card, in one transaction; returns the cards
    /// issued. When another run issued to one of them meanwhile (the one-live-card index refuses the whole batch), the
    /// batch is done again member by member, each of which answers with the card that is there.
    /// </summary>
    public async Task<IReadOnlyList<MemberCard>> IssueManyAsync(IReadOnlyList<MemberSummary> members, string scopePath, string actorName, string reason,
        CancellationToken ct)
    {
        var ids = members.Select(m => m.Id).ToList();
        var holding = (await db.MemberCards.IgnoreQueryFilters().AsNoTracking()
            .Where(c => ids.Contains(c.MemberId) && c.Status != CardStatus.Reissued && c.Status != CardStatus.Cancelled)
            .Select(c => c.MemberId).ToListAsync(ct)).ToHashSet();
        var cards = members.Where(m => m.CountsAsMember && !holding.Contains(m.Id)).Select(m => NewCard(m.Id, m.OrgId, m.OrgPath, replaces: null)).ToList();
        if (cards.Count == 0)
        {
            return [];
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var card in cards)
            {
                db.MemberCards.Add(card);
                Record(card, from: null, actorName, reason);
            }

            audit.Record(CardAuditActions.BulkIssued, "org", null, scopePath, new { count = cards.Count, reason }, actorName: actorName);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return cards;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var issued = new List<MemberCard>();
            foreach (var member in members.Where(m => m.CountsAsMember && !holding.Contains(m.Id)))
            {
                var (card, isNew) = await IssueOneAsync(member, actorName, ct);
                if (isNew)
                {
                    issued.Add(card);
                }
            }

            return issued;
        }
    }

    /// <summary>Applies <paramref name="action"/>; a reissue returns the new card, anything else the card itself.</summary>
    public async Task<MemberCard> ApplyAsync(MemberCard card, CardAction action, int expectedVersion, string? reason, string actorName, bool byMember, CancellationToken ct)
    {
        if (byMember && !CardLifecycle.MemberMay(action))
        {
            throw new ForbiddenException(Loc.T("此操作须由所在工会办理", "Your union must do this for you"));
        }

        var to = CardLifecycle.Next(card.Status, action) ?? throw new ConflictException(Loc.T(
            $"“{MemberCard.StatusLabel(card.Status).Zh}”的会员卡不能{CardLifecycle.Label(action).Zh}",
            $"A card that is {MemberCard.StatusLabel(card.Status).En} cannot be given '{CardLifecycle.Label(action).En}'"));
        var from = card.Status;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Entry(card).Property(c => c.Version).OriginalValue = expectedVersion;
        card.Status = to;
        card.StatusChangedAt = now;
        card.Version = expectedVersion + 1;
        var note = string.IsNullOrWhiteSpace(reason) ? CardLifecycle.Label(action).ToString() : reason.Trim();
        Record(card, from, actorName, note);
        // A second tap carries the old version and stops here with 409; nothing is applied twice.
        await db.SaveChangesAsync(ct);
        var result = card;
        if (action == CardAction.Reissue)
        {
            // Added only after the old card has left the live states, which the one-live-card index requires.
            result = NewCard(card.MemberId, card.OrgId, card.OrgPath, replaces: card);
            db.MemberCards.Add(result);
            Record(result, from: null, actorName, Loc.T($"补换，原卡 {CardNumber.Masked(card.Number)}", $"Reissued for {CardNumber.Masked(card.Number)}"));
        }

        audit.Record(CardAuditActions.StatusChanged, "card", card.Id.ToString(), card.OrgPath,
            new { card = CardNumber.Masked(card.Number), from, to, reason = note, newCard = result == card ? null : CardNumber.Masked(result.Number) }, actorName: actorName);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        revocations.Note(card.Id, to, now);
        return result;
    }

    /// <summary>
    /// Cancels the live card of a membership that has ended, inside the caller's transaction (saved with it). The
    /// revocation list learns of it from its next refresh, after the commit, so a rollback cannot leave it wrong.
    /// </summary>
    public async Task CancelForEndedMembershipAsync(Guid memberId, string actorName, CancellationToken ct)
    {
        if (await LiveCardAsync(memberId, ct) is not { } card)
        {
            return;
        }

        var from = card.Status;
        card.Status = CardStatus.Cancelled;
        card.StatusChangedAt = clock.GetUtcNow();
        card.Version++;
        Record(card, from, actorName, Loc.T("会籍终止，会员卡注销", "Membership ended; card cancelled"));
    }

    public Task<MemberCard?> LiveCardAsync(Guid memberId, CancellationToken ct) =>
        db.MemberCards.IgnoreQueryFilters().Where(c => c.MemberId == memberId && c.Status != CardStatus.Reissued && c.Status != CardStatus.Cancelled)
            .FirstOrDefaultAsync(ct);

    /// <summary>The prefix for a union's province: its own configured one, or the default followed by the province code.</summary>
    public string PrefixFor(string orgPath)
    {
        var province = orgPath.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(s => s.Length == 2 && s.All(char.IsAsciiDigit)) ?? "00";
        return options.NumberPrefixes.TryGetValue(province, out var prefix) ? prefix : options.DefaultNumberPrefix + province;
    }

    private MemberCard NewCard(Guid memberId, long orgId, string orgPath, MemberCard? replaces)
    {
        var now = clock.GetUtcNow();
        return new MemberCard
        {
            Id = RandomPool.CreateVersion7(now),
            MemberId = memberId,
            OrgId = orgId,
            OrgPath = orgPath,
            Number = CardNumber.NewRandom(PrefixFor(orgPath)),
            Status = CardStatus.Active,
            IssuedAt = now,
            StatusChangedAt = now,
            ReplacesCardId = replaces?.Id,
            BankName = replaces?.BankName,
            BankCardLast4 = replaces?.BankCardLast4,
            BankAccountCipher = replaces?.BankAccountCipher,
        };
    }

    private void Record(MemberCard card, CardStatus? from, string actorName, string reason)
    {
        if (from is { } before)
        {
            db.Counters.Move(card.OrgPath, Metrics.CardsByStatus, (int)before, (int)card.Status);
        }
        else
        {
            db.Counters.Add(card.OrgPath, Metrics.CardsByStatus, (int)card.Status);
        }

        db.CardStatusChanges.Add(new CardStatusChange
        {
            CardId = card.Id,
            From = from,
            To = card.Status,
            At = card.StatusChangedAt,
            ActorName = actorName,
            Reason = reason,
        });
    }
}