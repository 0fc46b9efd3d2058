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

public static class CodeTableNames
{
    public const string Ethnicity = "ethnicity";
    public const string Education = "education";
    public const string PoliticalStatus = "political";
}