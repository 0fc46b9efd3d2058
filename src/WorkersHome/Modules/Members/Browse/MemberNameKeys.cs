using System.Text;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WorkersHome.Modules.Members.Browse;

/// <summary>
/// The name keys of migration MemberNameKeys: each pair of neighbouring characters of a name, prefixed by one of the
/// first three codes of the member's path. A fragment searched under such a node is found through the GIN index on
/// the keys; PostgreSQL only.
/// </summary>
public static class MemberNameKeys
{
    /// <summary>How many leading codes of a path carry keys (root, province, city on the national tree).</summary>
    public const int KeyedLevels = 3;

    /// <summary><c>members.name_keys(path, name) @> wanted</c>, inlined by PostgreSQL so that the GIN index applies.</summary>
    public static bool Contain(string orgPath, string name, string[] wanted) =>
        throw new NotSupportedException("members.name_keys_contain runs in PostgreSQL only; call it inside a query.");

    /// <summary>
    /// The keys every name containing <paramref name="fragment"/> under the node coded <paramref name="code"/> has;
    /// empty when the fragment is one character (a pair index cannot narrow it).
    /// </summary>
    public static string[] For(string code, string fragment)
    {
        // Characters as PostgreSQL's substr counts them: code points, so that a name with a character outside the
        // Basic Multilingual Plane pairs the same on both sides.
        var runes = fragment.EnumerateRunes().ToArray();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < runes.Length; i++)
        {
            keys.Add(new StringBuilder(code).Append(':').Append(runes[i].ToString()).Append(runes[i + 1].ToString()).ToString());
        }

        return [.. keys];
    }

    /// <summary>
    /// The code whose keys cover a search below <paramref name="path"/>, and whether the keys alone select the subtree
    /// (the node is one of the keyed levels) or the path must still narrow it; null for the whole tree.
    /// </summary>
    public static (string Code, bool Exact)? KeyNode(string path)
    {
        var codes = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return codes.Length switch
        {
            0 => null,
            <= KeyedLevels => (codes[^1], true),
            _ => (codes[KeyedLevels - 1], false),
        };
    }

    /// <summary>Maps <see cref="Contain"/> in the model (from the members' configuration: Platform's context knows no module).</summary>
    internal static void Register(IMutableModel model)
    {
        var function = model.AddDbFunction(typeof(MemberNameKeys).GetMethod(nameof(Contain))!);
        function.Name = "name_keys_contain";
        function.Schema = "members";
    }
}