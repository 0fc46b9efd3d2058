using WorkersHome.Modules.Cards.Issue;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Statistics;

namespace WorkersHome.Modules.Cards;

/// <summary>A membership that ends (left, transferred out, deceased) takes its card with it.</summary>
public sealed class CardsMembershipFollower(CancelCardsForEndedMembership cancel, CardBook book, AppDbContext db) : IMembershipFollower
{
    public async Task OnStatusChangedAsync(MemberSummary member, bool countedBefore, string actorName, CancellationToken ct)
    {
        if (countedBefore && !member.CountsAsMember)
        {
            await cancel.ExecuteAsync(member.Id, actorName, ct);
        }
    }

    /// <summary>The card moves with its member, so that the new union's cadres see it and the old one's no longer do.</summary>
    public async Task OnMovedAsync(MemberSummary member, CancellationToken ct)
    {
        if (await book.LiveCardAsync(member.Id, ct) is { } card)
        {
            db.Counters.Add(card.OrgPath, Metrics.CardsByStatus, (int)card.Status, -1);
            (card.OrgId, card.OrgPath) = (member.OrgId, member.OrgPath);
            db.Counters.Add(card.OrgPath, Metrics.CardsByStatus, (int)card.Status);
        }
    }
}