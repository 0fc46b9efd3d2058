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
}