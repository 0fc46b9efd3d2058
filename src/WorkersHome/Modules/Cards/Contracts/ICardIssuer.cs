namespace WorkersHome.Modules.Cards.Contracts;

/// <summary>Issues a new member's card (the live one if they have it already), e.g. when their application to join is approved.</summary>
public interface ICardIssuer
{
    Task IssueAsync(Guid memberId, string actorName, CancellationToken ct = default);
}