namespace WorkersHome.Modules.Members.Browse;

/// <summary>The sort key of the row a page starts after (or ends before): the row's own values, read by id.</summary>
public sealed record MemberSortKey(Guid Id, string Name, DateOnly JoinedOn, DateOnly BirthDate);

/// <summary>
/// The list's orders and their keyset continuation. Every order ends in the id so that it is total; "joined" runs both
/// keys downwards so that one row comparison (and one backward index scan) serves it. A page continues from a row's
/// key instead of skipping rows, so page 50 costs what page 1 costs.
/// </summary>
internal static class MemberOrder
{
    public const string ByName = "name";
    public const string ByJoined = "joined";
    public const string ByAge = "age";

    public static string Normalize(string? sort) => sort is ByJoined or ByAge ? sort : ByName;

    /// <summary>The rows in the list's order, or in reverse when a page is read backwards from a "before" row.</summary>
    public static IQueryable<Member> Sorted(IQueryable<Member> query, string sort, bool reverse) => (sort, reverse) switch
    {
        (ByJoined, false) => query.OrderByDescending(m => m.JoinedOn).ThenByDescending(m => m.Id),
        (ByJoined, true) => query.OrderBy(m => m.JoinedOn).ThenBy(m => m.Id),
        (ByAge, false) => query.OrderBy(m => m.BirthDate).ThenBy(m => m.Id),
        (ByAge, true) => query.OrderByDescending(m => m.BirthDate).ThenByDescending(m => m.Id),
        (_, false) => query.OrderBy(m => m.Name).ThenBy(m => m.Id),
        _ => query.OrderByDescending(m => m.Name).ThenByDescending(m => m.Id),
    };

    /// <summary>
    /// The rows after <paramref name="key"/> in the list's order (before it when <paramref name="reverse"/>). The leading
    /// key is also bounded on its own (≤ or ≥) so that PostgreSQL can start an index scan there.
    /// </summary>
    public static IQueryable<Member> Beyond(IQueryable<Member> query, string sort, MemberSortKey key, bool reverse)
    {
        var id = key.Id;
        var downwards = sort == ByJoined ? !reverse : reverse;
        return (sort, downwards) switch
        {
            (ByJoined, true) => query.Where(m => m.JoinedOn <= key.JoinedOn && (m.JoinedOn < key.JoinedOn || m.Id.CompareTo(id) < 0)),
            (ByJoined, false) => query.Where(m => m.JoinedOn >= key.JoinedOn && (m.JoinedOn > key.JoinedOn || m.Id.CompareTo(id) > 0)),
            (ByAge, false) => query.Where(m => m.BirthDate >= key.BirthDate && (m.BirthDate > key.BirthDate || m.Id.CompareTo(id) > 0)),
            (ByAge, true) => query.Where(m => m.BirthDate <= key.BirthDate && (m.BirthDate < key.BirthDate || m.Id.CompareTo(id) < 0)),
            (_, false) => query.Where(m => string.Compare(m.Name, key.Name) >= 0
                && (string.Compare(m.Name, key.Name) > 0 || m.Id.CompareTo(id) > 0)),
            _ => query.Where(m => string.Compare(m.Name, key.Name) <= 0
                && (string.Compare(m.Name, key.Name) < 0 || m.Id.CompareTo(id) < 0)),
        };
    }
}