namespace WorkersHome.Modules.Organizations.Contracts;

public sealed record OrgSummary(long Id, string Code, string Name, int Level, string Path, bool IsActive);

/// <summary>A node as other modules may join to it in their own queries.</summary>
public sealed class ScopedOrg
{
    public long Id { get; init; }

    public string Name { get; init; } = "";

    public string Path { get; init; } = "";
}

/// <summary>A grassroots union a worker may apply to join, as the public sees it: names and places are public.</summary>
public sealed record JoinableUnion(long Id, string Code, string Name, string? EmployerName, string TypeLabel, string Place, string Path);

/// <summary>What other modules may ask of the organisation tree. Every answer is limited to the asker's subtree.</summary>
public interface IOrgDirectory
{
    Task<OrgSummary?> FindInScopeAsync(long orgId, CancellationToken ct = default);

    /// <summary>
    /// A union's name whatever the asker's scope: names are public (the portal lists unions to join), and a member,
    /// who has no subtree, sees their own union's name on their card.
    /// </summary>
    Task<string?> PublicNameAsync(long orgId, CancellationToken ct = default);

    /// <summary>Several unions' public names in one query, by id (for lists).</summary>
    Task<IReadOnlyDictionary<long, string>> PublicNamesAsync(IEnumerable<long> orgIds, CancellationToken ct = default);

    /// <summary>
    /// Active grassroots unions anyone may apply to, found by the union's or employer's name, the credit code, or a
    /// place (a union below a county or township whose name matches, e.g. 中原区); optionally only regional,
    /// industry and gig-worker unions, which take workers without a union of their own employer.
    /// </summary>
    Task<IReadOnlyList<JoinableUnion>> SearchJoinableAsync(string? text, bool openUnionsOnly, CancellationToken ct = default);

    /// <summary>One active grassroots union by id, whatever the asker's scope, or null.</summary>
    Task<JoinableUnion?> FindJoinableAsync(long orgId, CancellationToken ct = default);

    Task<bool> IsInScopeAsync(long orgId, CancellationToken ct = default);

    /// <summary>
    /// The node and every union above it, from the top down, whatever the asker's scope (the tree's shape and names are
    /// public): how a case filed against an employer finds the union responsible for it. Empty for an unknown id.
    /// </summary>
    Task<IReadOnlyList<OrgSummary>> LineageAsync(long orgId, CancellationToken ct = default);

    /// <summary>The active units directly below a node (at most <paramref name="take"/>, by code), whatever the asker's scope.</summary>
    Task<IReadOnlyList<OrgSummary>> ChildrenAsync(long orgId, int take, CancellationToken ct = default);

    /// <summary>The top union this installation serves (the province's federation), whatever the asker's scope.</summary>
    Task<OrgSummary> TopAsync(CancellationToken ct = default);

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