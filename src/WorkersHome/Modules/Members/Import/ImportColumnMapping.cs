using WorkersHome.Platform.Persistence.OrgOwnership;

namespace WorkersHome.Modules.Members.Import;

/// <summary>
/// The columns a union's files use for the template's fields (e.g. 所属工会 for 基层工会代码), as its cadres
/// last said: remembered per importing org, so its next file imports without asking again.
/// </summary>
[OrgOwned(WhenUnionMoves.FollowsUnion, UnionId = null, FollowsMerge = false, SubtreeFilter = false)]
public sealed class ImportColumnMapping
{
    public string OrgPath { get; set; } = "";

    /// <summary>JSON object: template field → the file's header.</summary>
    public string Map { get; set; } = "{}";

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}