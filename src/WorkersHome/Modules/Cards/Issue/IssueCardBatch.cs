using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Cards.Issue;

/// <summary>
/// Issues a card to each of the given members that has no live card, in one transaction; returns the cards issued. When
/// another run issued to one of them meanwhile (the one-live-card index refuses the whole batch), the batch is done again
/// member by member through <see cref="IssueCard"/>, each of which answers with the card that is there.
/// </summary>
public sealed class IssueCardBatch(AppDbContext db, CardBook book, IssueCard issueOne, AuditTrail audit)
{
    public async Task<IReadOnlyList<MemberCard>> ExecuteAsync(IReadOnlyList<MemberSummary> members, string scopePath, string actorName, string reason,
        CancellationToken ct)
    {
        var ids = members.Select(m => m.Id).ToList();
        var holding = (await db.MemberCards.IgnoreQueryFilters().AsNoTracking()
            .Where(c => ids.Contains(c.MemberId) && c.Status != CardStatus.Reissued && c.Status != CardStatus.Cancelled)
            .Select(c => c.MemberId).ToListAsync(ct)).ToHashSet();
        var cards = members.Where(m => m.CountsAsMember && !holding.Contains(m.Id)).Select(m => book.NewCard(m.Id, m.OrgId, m.OrgPath, replaces: null)).ToList();
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
                book.Record(card, from: null, actorName, reason);
            }

            audit.Record(CardAuditActions.BulkIssued, "org", null, scopePath, new { count = cards.Count, reason }, actorName: actorName);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return cards;
        }
        catch (Exception ex) when (ex is DbUpdateException || ex.InnerException is DbUpdateException)
        {
            // A member given a card meanwhile (unique index), or a deadlock with a run issuing the same members in
            // another order (which the execution strategy reports wrapped): issue one by one, each skipping a holder.
            db.ChangeTracker.Clear();
            var issued = new List<MemberCard>();
            foreach (var member in members.Where(m => m.CountsAsMember && !holding.Contains(m.Id)))
            {
                var (card, isNew) = await issueOne.IssueOneAsync(member, actorName, ct);
                if (isNew)
                {
                    issued.Add(card);
                }
            }

            return issued;
        }
    }
}