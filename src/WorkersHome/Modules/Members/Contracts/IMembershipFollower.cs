namespace WorkersHome.Modules.Members.Contracts;

/// <summary>
/// Told of a membership's status change inside its transaction, before it is saved, so that other modules'
/// consequences (a card cancelled when the membership ends) commit or roll back with it.
/// </summary>
public interface IMembershipFollower
{
    Task OnStatusChangedAsync(MemberSummary member, bool countedBefore, string actorName, CancellationToken ct);

    /// <summary>The membership moved to another union (a completed transfer); <paramref name="member"/> has the new union.</summary>
    Task OnMovedAsync(MemberSummary member, CancellationToken ct);
}