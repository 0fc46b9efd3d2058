using Microsoft.EntityFrameworkCore;

namespace WorkersHome.Platform.Persistence;

/// <summary>PostgreSQL text functions that LINQ has no word for; usable only in queries run on PostgreSQL.</summary>
public static class PostgresText
{
    /// <summary><c>split_part(text, delimiter, field)</c>: the field-th piece (1-based) of the text cut at the delimiter.</summary>
    public static string SplitPart(string text, string delimiter, int field) =>
        throw new NotSupportedException("split_part runs in PostgreSQL only; call it inside a query.");

    internal static void Register(ModelBuilder builder) =>
        builder.HasDbFunction(typeof(PostgresText).GetMethod(nameof(SplitPart))!).HasName("split_part").IsBuiltIn();
}