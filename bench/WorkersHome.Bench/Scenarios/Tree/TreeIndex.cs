using Microsoft.EntityFrameworkCore;

using WorkersHome.Bench.Infrastructure;
using WorkersHome.Modules.Organizations;

namespace WorkersHome.Bench.Scenarios.Tree;

internal sealed record TreeNode(long Id, long? ParentId, string Path, string Name, OrgLevel Level, OrgStatus Status);

/// <summary>
/// The loaded tree held in memory, only to pick samples and to know the right answers; every timed call
/// goes to the database through the product's code.
/// </summary>
internal sealed class TreeIndex
{
    private readonly TreeNode[] _nodes;
    private readonly string[] _paths;
    private readonly Dictionary<long, int> _activeChildren;

    private TreeIndex(TreeNode[] nodesByPath)
    {
        _nodes = nodesByPath;
        _paths = nodesByPath.Select(n => n.Path).ToArray();
        _activeChildren = nodesByPath.Where(n => n.ParentId is not null && n.Status == OrgStatus.Active)
            .GroupBy(n => n.ParentId!.Value).ToDictionary(g => g.Key, g => g.Count());
    }

    public int Count => _nodes.Length;

    public static async Task<TreeIndex> LoadAsync(AppContexts contexts, CancellationToken ct)
    {
        await using var db = contexts.WholeTree();
        var nodes = await db.OrgUnits.AsNoTracking()
            .Select(o => new TreeNode(o.Id, o.ParentId, o.Path, o.Name, o.Level, o.Status))
            .ToArrayAsync(ct);
        // Ordinal order is the "C" collation of the path index, so a subtree is one contiguous slice.
        Array.Sort(nodes, (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new TreeIndex(nodes);
    }

    public TreeNode Root => _nodes.Single(n => n.Level == OrgLevel.National);

    public IReadOnlyList<TreeNode> At(params OrgLevel[] levels) => _nodes.Where(n => levels.Contains(n.Level)).ToList();

    public int CountAt(OrgLevel level) => _nodes.Count(n => n.Level == level);

    public int ActiveChildren(long id) => _activeChildren.GetValueOrDefault(id);

    public TreeNode Random(Random random) => _nodes[random.Next(_nodes.Length)];

    /// <summary>A random node of the subtree under <paramref name="top"/>, itself included.</summary>
    public TreeNode RandomInSubtree(TreeNode top, Random random)
    {
        var from = Position(top.Path);
        var to = Position(top.Path + "~");
        return _nodes[random.Next(from, to)];
    }

    /// <summary>The product's notion of scope: the node's path starts with the cadre's path.</summary>
    public static bool Covers(TreeNode top, TreeNode node) => node.Path.StartsWith(top.Path, StringComparison.Ordinal);

    private int Position(string path)
    {
        var index = Array.BinarySearch(_paths, path, StringComparer.Ordinal);
        return index >= 0 ? index : ~index;
    }
}