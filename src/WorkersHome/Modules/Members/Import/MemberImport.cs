namespace WorkersHome.Modules.Members.Import;

public enum ImportMode
{
    /// <summary>Any rejected row rejects the whole file; nothing is written.</summary>
    AllOrNothing = 1,

    /// <summary>Valid rows are written; rejected rows are listed in the error report.</summary>
    ValidRows = 2,
}

/// <summary>One import run: who, which file, what came of it, and the error report when rows were rejected.</summary>
public sealed class MemberImport
{
    public Guid Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string ActorName { get; set; } = "";

    /// <summary>The importing cadre's subtree; only cadres covering it may read the report.</summary>
    public string OrgPath { get; set; } = "";

    public string FileName { get; set; } = "";

    public ImportMode Mode { get; set; }

    public int Rows { get; set; }

    public int Added { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Rejected { get; set; }

    /// <summary>True when the rows were written (false for an all-or-nothing file with rejections).</summary>
    public bool Applied { get; set; }

    /// <summary>The uploaded file with an error column, as CSV; null when no row was rejected.</summary>
    public string? ErrorReport { get; set; }
}