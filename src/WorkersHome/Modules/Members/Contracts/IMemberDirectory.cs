namespace WorkersHome.Modules.Members.Contracts;

/// <summary>What other modules may know of a member: who, where, and whether the membership counts (active or retained).</summary>
public sealed record MemberSummary(Guid Id, string Name, long OrgId, string OrgPath, bool CountsAsMember, string StatusZh, string StatusEn,
    MemberGroups Groups = MemberGroups.None);

public interface IMemberDirectory
{
    /// <summary>A member in the asking cadre's subtree, or null.</summary>
    Task<MemberSummary?> FindInScopeAsync(Guid memberId, CancellationToken ct = default);

    /// <summary>
    /// A member whatever the scope, for a caller that has already settled access: the signed-in member's own record,
    /// or the holder of a card found in the cadre's subtree.
    /// </summary>
    Task<MemberSummary?> FindCheckedAsync(Guid memberId, CancellationToken ct = default);
}