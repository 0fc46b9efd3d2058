using System.Diagnostics;

using WorkersHome.Bench.Infrastructure;
using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Organizations.BrowseTree;

namespace WorkersHome.Bench.Scenarios.Tree;

/// <summary>
/// Times the product's tree queries one request at a time. Each call gets its own context (one scope per
/// request); only the awaited product call is inside the stopwatch, and every answer is checked.
/// </summary>
internal sealed class TreeProbes(AppContexts contexts, TreeIndex tree, Random random)
{
    /// <summary>A national cadre opens random non-grassroots nodes.</summary>
    public async Task<Latencies> ChildrenAsync(int warmup, int samples, CancellationToken ct)
    {
        var parents = tree.At(OrgLevel.National, OrgLevel.Province, OrgLevel.City, OrgLevel.County, OrgLevel.Township);
        var root = tree.Root;
        var latencies = new Latencies(
            $"children (OrgTreeQueries.GetChildrenAsync, national cadre, parent drawn from {parents.Count} non-grassroots nodes)", samples);
        for (var i = 0; i < warmup + samples; i++)
        {
            var node = parents[random.Next(parents.Count)];
            await using var request = contexts.Request(root.Id, root.Path, root.Name);
            var start = Stopwatch.GetTimestamp();
            var children = await request.Tree.GetChildrenAsync(node.Id, ct: ct);
            var end = Stopwatch.GetTimestamp();
            var expected = Math.Min(OrgTreeQueries.ChildrenPageSize, tree.ActiveChildren(node.Id));
            if (children.Count != expected)
            {
                throw new InvalidOperationException($"{node.Path}: {children.Count} children returned, {expected} expected.");
            }

            if (i >= warmup)
            {
                latencies.Add(start, end);
            }
        }

        return latencies;
    }

    /// <summary>
    /// A city or county cadre asks about a node: half drawn from its own subtree, half from anywhere. With
    /// <paramref name="oneContext"/> every call shares one context (a diagnostic, not what a request does).
    /// </summary>
    public async Task<(Latencies Latencies, int Inside)> ScopeChecksAsync(int warmup, int samples, bool oneContext,
        CancellationToken ct)
    {
        var latencies = new Latencies(oneContext
            ? "diagnostic scope check, one context reused by all calls"
            : "scope_check (OrgTreeQueries.IsInScopeAsync, city/county cadre, context per request)", samples);
        await using var shared = oneContext ? contexts.NewContext() : null;
        var inside = 0;
        var call = 0;
        foreach (var (cadre, target, expected) in ScopePairs(warmup + samples))
        {
            await using var request = contexts.Request(cadre.Id, cadre.Path, cadre.Name, shared);
            var start = Stopwatch.GetTimestamp();
            var inScope = await request.Tree.IsInScopeAsync(target.Id, ct);
            var end = Stopwatch.GetTimestamp();
            if (inScope != expected)
            {
                throw new InvalidOperationException($"{target.Path} under {cadre.Path}: got {inScope}, expected {expected}.");
            }

            if (call++ >= warmup)
            {
                latencies.Add(start, end);
                inside += inScope ? 1 : 0;
            }
        }

        return (latencies, inside);
    }

    /// <summary>Random (cadre, node, expected answer) triples; shared with the raw-SQL baseline.</summary>
    public IEnumerable<(TreeNode Cadre, TreeNode Target, bool Expected)> ScopePairs(int count)
    {
        var cadres = tree.At(OrgLevel.City, OrgLevel.County);
        for (var i = 0; i < count; i++)
        {
            var cadre = cadres[random.Next(cadres.Count)];
            var target = random.Next(2) == 0 ? tree.RandomInSubtree(cadre, random) : tree.Random(random);
            yield return (cadre, target, TreeIndex.Covers(cadre, target));
        }
    }
}