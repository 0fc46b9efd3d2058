namespace WorkersHome.Modules.Organizations.Contracts;

public sealed record OrgSummary(long Id, string Code, string Name, int Level, string Path, bool IsActive);

/// <summary>A node as other modules may join to it in their own queries.</summary>
public sealed class ScopedOrg
{
    public long Id { get; init; }

    public string Name { get; init; } = "";

    public string Path { get; init; } = "";
}

/// <summary>What other modules may ask of the organisation tree. Every answer is limited to the asker's subtree.</summary>
public interface IOrgDirectory
{
    Task<OrgSummary?> FindInScopeAsync(long orgId, CancellationToken ct = default);

    /// <summary>
    /// A union's name whatever the asker's scope: names are public (the portal lists unions to join), and a member,
    /// who has no subtree, sees their own union's name on their card.
    /// </summary>
    Task<string?> PublicNameAsync(long orgId, CancellationToken ct = default);

    Task<bool> IsInScopeAsync(long orgId, CancellationToken ct = default);

    /// <summary>The asker's subtree, composable into another module's query (e.g. a join on OrgId).</summary>
    IQueryable<ScopedOrg> ScopedOrgs();

    Task<IReadOnlyDictionary<long, OrgSummary>> FindManyAsync(IEnumerable<long> orgIds, CancellationToken ct = default);

    /// <summary>Units in the asker's subtree by their codes (as import files name them).</summary>
    Task<IReadOnlyDictionary<string, OrgSummary>> FindByCodesAsync(IEnumerable<string> codes, CancellationToken ct = default);
}

/// <summary>Lets the member registry keep the tree's member counts in step, in its own transaction.</summary>
public interface IOrgRollupWriter
{
    Task AdjustMembersAsync(long orgId, int delta, CancellationToken ct = default);

    /// <summary>Many unions at once (an import): each change names the union's path and its member delta.</summary>
    Task AdjustMembersAsync(IEnumerable<(string Path, int Delta)> changes, CancellationToken ct = default);
}
/// <summary>
/// Lets modules that keep org-owned rows follow the tree. Called inside the change's own transaction,
/// so their rows never disagree with the tree.
/// </summary>
public interface IOrgTreeChangeHandler
{
    Task OnSubtreeMovedAsync(string oldPath, string newPath, CancellationToken ct);

    Task OnUnionMergedAsync(long sourceId, string sourcePath, long targetId, string targetPath, CancellationToken ct);
}