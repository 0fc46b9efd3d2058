
namespace WorkersHome.Modules.Members.Browse;

/// <summary>
/// The pieces of a name fragment that the name_grams index holds for every name (migration MemberListIndexes): its
/// pairs of neighbouring characters, or the one character of a one-character fragment. A name containing the
/// fragment holds all of them. Characters are Unicode code points, as PostgreSQL's substr counts them, so a rare
/// character outside the basic plane (𠮷) is one character here too.
/// </summary>
public static class MemberNameGrams
{
    public static string[] Of(string fragment)
    {
        var runes = fragment.EnumerateRunes().Select(r => r.ToString()).ToArray();
        if (runes.Length < 2)
        {
            return runes;
        }

        return Enumerable.Range(0, runes.Length - 1).Select(i => runes[i] + runes[i + 1]).Distinct(StringComparer.Ordinal).ToArray();
    }
}
