using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Cards.Issue;

/// <summary>开卡: the member's live card, issuing one if they have none; a repeated call (a double tap) returns the same card.</summary>
public sealed class IssueCard(AppDbContext db, CardBook book, AuditTrail audit)
{
    public async Task<MemberCard> ExecuteAsync(MemberSummary member, string actorName, CancellationToken ct) =>
        (await IssueOneAsync(member, actorName, ct)).Card;

    internal async Task<(MemberCard Card, bool IsNew)> IssueOneAsync(MemberSummary member, string actorName, CancellationToken ct)
    {
        if (await book.LiveCardAsync(member.Id, ct) is { } live)
        {
            return (live, false);
        }

        if (!member.CountsAsMember)
        {
            throw new ConflictException(Loc.T($"会籍状态为“{member.StatusZh}”，不能办理会员卡", $"No card for a membership that is {member.StatusEn}"));
        }

        var card = book.NewCard(member.Id, member.OrgId, member.OrgPath, replaces: null);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.MemberCards.Add(card);
            book.Record(card, from: null, actorName, Loc.T("开卡", "Card issued"));
            audit.Record(CardAuditActions.Issued, "card", card.Id.ToString(), card.OrgPath, new { card = CardNumber.Masked(card.Number) }, actorName: actorName);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (card, true);
        }
        catch (DbUpdateException)
        {
            // Two requests raced to issue (a double tap): the unique index kept one live card; answer with it.
            db.ChangeTracker.Clear();
            var other = await book.LiveCardAsync(member.Id, ct) ?? throw new ConflictException(Loc.T("发卡冲突，请重试", "The card could not be issued; try again"));
            return (other, false);
        }
    }
}