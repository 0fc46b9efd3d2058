namespace WorkersHome.Platform.Persistence.OrgOwnership;

/// <summary>What happens to a row's copy of a union's path when that union moves to another parent or merges into another.</summary>
public enum WhenUnionMoves
{
    /// <summary>The row belongs to the union: its path (and union id on a merge) is rewritten with the tree, in the same transaction.</summary>
    FollowsUnion,

    /// <summary>
    /// The row records what an organisation above did at the time (money paid out of its budget, an audit row): it keeps the
    /// path it was written with, so the organisation that acted keeps it in view and its books still add up.
    /// </summary>
    StaysWithActingOrg,

    /// <summary>The row is the tree itself; the organisation module rewrites it.</summary>
    IsTheTree,
}

/// <summary>
/// Places an entity's rows in the organisation tree through a copied path (docs/adr/0014). Platform reads it when the model is
/// built: the path gets the byte-order collation on PostgreSQL (a subtree is a range scan), the subtree query filter when
/// <see cref="SubtreeFilter"/> is set, and the move/merge rule. An entity with an <c>OrgPath</c> property and no declaration
/// fails the model build, so a new module cannot forget to decide.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class OrgOwnedAttribute(WhenUnionMoves rule) : Attribute
{
    public WhenUnionMoves Rule { get; } = rule;

    /// <summary>The property holding the copied path.</summary>
    public string Path { get; init; } = "OrgPath";

    /// <summary>The property holding the union's id, rewritten to the surviving union on a merge; null when the row keeps none.</summary>
    public string? UnionId { get; init; } = "OrgId";

    /// <summary>
    /// False for rows kept one per union (a budget, a year's figures, a remembered choice): on a merge they stay with the merged
    /// union rather than collide with the survivor's own row; a person settles what is left (e.g. re-allocates a budget).
    /// </summary>
    public bool FollowsMerge { get; init; } = true;

    /// <summary>Whether every query of the row runs through the signed-in cadre's subtree (another org's rows answer 404).</summary>
    public bool SubtreeFilter { get; init; } = true;
}

/// <summary>Text compared only for equality or byte order (keyed hashes, codes): the cheapest collation on PostgreSQL.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ByteOrderAttribute : Attribute;