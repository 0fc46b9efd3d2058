namespace WorkersHome.Modules.Members.CodeTables;

/// <summary>One entry of a national code table (ethnicity, education, political status): data, not code.</summary>
public sealed class CodeEntry
{
    public string Table { get; set; } = "";

    public string Code { get; set; } = "";

    public string Zh { get; set; } = "";

    public string En { get; set; } = "";

    public int SortOrder { get; set; }
}

/// <summary>
/// Another way people write a code table entry (本科 for 大学本科教育, 汉 for 汉族): data beside the table,
/// seeded and kept by the system administrator, so that imports and forms read what rosters really say.
/// </summary>
public sealed class CodeSynonym
{
    public const int MaxLength = 50;

    public string Table { get; set; } = "";

    /// <summary>The spelling as written, after the input normalisation (full-width folded, spaces trimmed).</summary>
    public string Text { get; set; } = "";

    public string Code { get; set; } = "";
}

public static class CodeTableNames
{
    public const string Ethnicity = "ethnicity";
    public const string Education = "education";
    public const string PoliticalStatus = "political";
}