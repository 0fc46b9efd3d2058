using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence.OrgOwnership;

namespace WorkersHome.Modules.Assistance.Visits;

/// <summary>五必访: the five groups a union must visit.</summary>
public enum VisitGroup
{
    /// <summary>困难职工家庭: households in the hardship archive.</summary>
    Hardship = 1,

    /// <summary>困难劳模: model workers in difficulty.</summary>
    ModelWorker = 2,

    /// <summary>因工伤亡职工家庭: families of workers killed or disabled at work.</summary>
    WorkInjury = 3,

    /// <summary>重病职工: seriously ill workers.</summary>
    SeriouslyIll = 4,

    /// <summary>受灾职工: workers hit by disaster.</summary>
    Disaster = 5,
}

public enum VisitStatus
{
    Planned = 1,
    Visited = 2,
}

/// <summary>A planned visit (from a campaign such as 元旦春节送温暖) to a member's household, and, once made, its record.</summary>
[OrgOwned(WhenUnionMoves.FollowsUnion)]
public sealed class Visit
{
    public Guid Id { get; set; }

    public string Campaign { get; set; } = "";

    public Guid MemberId { get; set; }

    public string MemberName { get; set; } = "";

    public long OrgId { get; set; }

    public string OrgPath { get; set; } = "";

    public VisitGroup Group { get; set; }

    public DateOnly DueOn { get; set; }

    public VisitStatus Status { get; set; }

    public DateOnly? VisitedOn { get; set; }

    /// <summary>Who went (names, as the union writes them).</summary>
    public string? Visitors { get; set; }

    /// <summary>What was given: goods, cash, services.</summary>
    public string? Given { get; set; }

    public decimal? GivenAmount { get; set; }

    public string? Notes { get; set; }

    public string PlannedBy { get; set; } = "";

    public string? RecordedBy { get; set; }

    public int Version { get; set; }

    public static LocalizedText GroupLabel(VisitGroup group) => group switch
    {
        VisitGroup.Hardship => new("困难职工家庭", "Hardship households"),
        VisitGroup.ModelWorker => new("困难劳模", "Model workers in difficulty"),
        VisitGroup.WorkInjury => new("因工伤亡职工家庭", "Families of workers killed or disabled at work"),
        VisitGroup.SeriouslyIll => new("重病职工", "Seriously ill workers"),
        _ => new("受灾职工", "Workers hit by disaster"),
    };
}

/// <summary>A photo taken on a visit, kept encrypted in the sealed file store.</summary>
public sealed class VisitPhoto
{
    public Guid Id { get; set; }

    public Guid VisitId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public string StoredName => $"visit-{Id:N}";
}