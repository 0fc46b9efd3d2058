using WorkersHome.Modules.Cards.Contracts;
using WorkersHome.Modules.Cards.Issue;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Errors;

namespace WorkersHome.Modules.Cards;

public sealed class CardIssuer(IssueCard issue, IMemberDirectory members) : ICardIssuer
{
    public async Task IssueAsync(Guid memberId, string actorName, CancellationToken ct = default) =>
        await issue.ExecuteAsync(await members.FindCheckedAsync(memberId, ct) ?? throw new NotFoundException(), actorName, ct);
}