using WorkersHome.Modules.Cards.Issue;
using WorkersHome.Modules.Members.Contracts;

namespace WorkersHome.Modules.Cards;

/// <summary>A membership that ends (left, transferred out, deceased) takes its card with it.</summary>
public sealed class CardsMembershipFollower(CardDesk desk) : IMembershipFollower
{
    public async Task OnStatusChangedAsync(MemberSummary member, bool countedBefore, string actorName, CancellationToken ct)
    {
        if (countedBefore && !member.CountsAsMember)
        {
            await desk.CancelForEndedMembershipAsync(member.Id, actorName, ct);
        }
    }

    /// <summary>The card moves with its member, so that the new union's cadres see it and the old one's no longer do.</summary>
    public async Task OnMovedAsync(MemberSummary member, CancellationToken ct)
    {
        if (await desk.LiveCardAsync(member.Id, ct) is { } card)
        {
            (card.OrgId, card.OrgPath) = (member.OrgId, member.OrgPath);
        }
    }
}