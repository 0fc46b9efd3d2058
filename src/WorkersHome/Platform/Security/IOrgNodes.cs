namespace WorkersHome.Platform.Security;

/// <summary>A node of the organisation tree as Platform needs it to scope a request: its id, path and name.</summary>
public sealed class OrgNode
{
    public long Id { get; init; }

    public string Path { get; init; } = "";

    public string Name { get; init; } = "";
}

/// <summary>
/// Every node of the tree whatever the request's scope, composable into Platform's own queries (a join on a cadre's
/// OrgId). The module that owns the tree provides it, so that Platform knows no module.
/// </summary>
public interface IOrgNodes
{
    IQueryable<OrgNode> All();
}