using WorkersHome.Platform.Persistence.OrgOwnership;

namespace WorkersHome.Modules.Members.Import;

public enum ImportMode
{
    /// <summary>Any rejected row rejects the whole file; nothing is written.</summary>
    AllOrNothing = 1,

    /// <summary>Valid rows are written; rejected rows are listed in the error report.</summary>
    ValidRows = 2,
}

public enum ImportState
{
    /// <summary>Stored and waiting for a runner.</summary>
    Queued = 1,

    /// <summary>A runner holds the lease and works through the file in one transaction.</summary>
    Running = 2,

    /// <summary>Finished: applied, or (all or nothing with rejections) checked and left unapplied.</summary>
    Completed = 3,

    /// <summary>Stopped by an error (or every row was rejected); the stored file allows starting it again.</summary>
    Failed = 4,

    /// <summary>Stored, but a required column could not be matched: waits for the cadre to say which column is which.</summary>
    AwaitingColumns = 5,
}

/// <summary>
/// One import run: who, which file, how far it has got, what came of it. The file itself and the error
/// report live in the sealed file store under names derived from the id.
/// </summary>
[OrgOwned(WhenUnionMoves.FollowsUnion, UnionId = null, SubtreeFilter = false)]
public sealed class MemberImport
{
    /// <summary>After this many interrupted runs an import is marked failed rather than tried again.</summary>
    public const int MaxAttempts = 3;

    public Guid Id { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? ActorId { get; set; }

    public string ActorName { get; set; } = "";

    /// <summary>The importing cadre's subtree: the import's scope, and who may read its report.</summary>
    public string OrgPath { get; set; } = "";

    /// <summary>The language of the importing cadre, for the error report.</summary>
    public string Culture { get; set; } = "zh-CN";

    public string FileName { get; set; } = "";

    public ImportMode Mode { get; set; }

    public ImportState State { get; set; } = ImportState.Queued;

    public long FileBytes { get; set; }

    /// <summary>Progress of the current run, written outside its transaction.</summary>
    public long BytesDone { get; set; }

    public int Processed { get; set; }

    /// <summary>The current run's claim: another runner may take over only after it lapses.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>Runs claimed so far; also the claim token, so it only ever grows.</summary>
    public int Attempts { get; set; }

    /// <summary>The attempts made before the last manual restart, which start the count of interruptions afresh.</summary>
    public int AttemptsBeforeRestart { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? Failure { get; set; }

    public int Rows { get; set; }

    public int Added { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Rejected { get; set; }

    /// <summary>True when the rows were written (false for an all-or-nothing file with rejections).</summary>
    public bool Applied { get; set; }

    public bool HasErrorReport { get; set; }

    /// <summary>Which file column feeds which template field (JSON, field → header), when the cadre or the union's remembered choice said so.</summary>
    public string? ColumnMap { get; set; }

    /// <summary>The rejections grouped by reason (JSON), for the result page.</summary>
    public string? Summary { get; set; }

    public string SourceFile => "import-" + Id.ToString("N") + ".source";

    public string ReportFile => "import-" + Id.ToString("N") + ".report.csv";

    public bool IsXlsx => FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
}