using WorkersHome.Platform.Errors;
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

public static class VisitAuditActions
{
    public const string Planned = "assistance.visits-planned";
    public const string Recorded = "assistance.visit-recorded";
}

/// <summary>A planned visit (from a campaign such as 元旦春节送温暖) to a member's household, and, once made, its record.</summary>
[OrgOwned(WhenUnionMoves.FollowsUnion)]
public sealed class Visit
{
    /// <summary>The state table: the statuses a visit may go to from each. A made visit's record may be corrected.</summary>
    public static readonly IReadOnlyDictionary<VisitStatus, VisitStatus[]> Transitions = new Dictionary<VisitStatus, VisitStatus[]>
    {
        [VisitStatus.Planned] = [VisitStatus.Visited],
        [VisitStatus.Visited] = [VisitStatus.Visited],
    };

    private Visit()
    {
    }

    public Guid Id { get; private set; }

    public string Campaign { get; private set; } = "";

    public Guid MemberId { get; private set; }

    public string MemberName { get; private set; } = "";

    public long OrgId { get; private set; }

    public string OrgPath { get; private set; } = "";

    public VisitGroup Group { get; private set; }

    public DateOnly DueOn { get; private set; }

    public VisitStatus Status { get; private set; }

    public DateOnly? VisitedOn { get; private set; }

    /// <summary>Who went (names, as the union writes them).</summary>
    public string? Visitors { get; private set; }

    /// <summary>What was given: goods, cash, services.</summary>
    public string? Given { get; private set; }

    public decimal? GivenAmount { get; private set; }

    public string? Notes { get; private set; }

    public string PlannedBy { get; private set; } = "";

    public string? RecordedBy { get; private set; }

    public int Version { get; private set; }

    public static bool Allows(VisitStatus from, VisitStatus to) => Transitions.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>A visit of a campaign to a household of one must-visit group, due by a date.</summary>
    public static Visit Plan(Guid id, string campaign, Guid memberId, string memberName, long orgId, string orgPath, VisitGroup group, DateOnly dueOn, string plannedBy) =>
        new()
        {
            Id = id,
            Campaign = campaign,
            MemberId = memberId,
            MemberName = memberName,
            OrgId = orgId,
            OrgPath = orgPath,
            Group = group,
            DueOn = dueOn,
            Status = VisitStatus.Planned,
            PlannedBy = plannedBy,
        };

    /// <summary>The visit was made (or its record corrected): when, who went, what was given; taken on the version <paramref name="seenVersion"/>.</summary>
    public void Record(int seenVersion, DateOnly visitedOn, string? visitors, string? given, decimal? givenAmount, string? notes, string recordedBy)
    {
        if (!Allows(Status, VisitStatus.Visited))
        {
            throw Changed();
        }

        (Status, VisitedOn, Visitors, Given, GivenAmount, Notes, RecordedBy, Version) =
            (VisitStatus.Visited, visitedOn, visitors, given, givenAmount, notes, recordedBy, seenVersion + 1);
    }

    /// <summary>Refuses a record made on a version of the visit that is no longer current: someone else recorded it meanwhile.</summary>
    public void EnsureCurrent(int version)
    {
        if (Version != version)
        {
            throw Changed();
        }
    }

    public static LocalizedText GroupLabel(VisitGroup group) => group switch
    {
        VisitGroup.Hardship => new("困难职工家庭", "Hardship households"),
        VisitGroup.ModelWorker => new("困难劳模", "Model workers in difficulty"),
        VisitGroup.WorkInjury => new("因工伤亡职工家庭", "Families of workers killed or disabled at work"),
        VisitGroup.SeriouslyIll => new("重病职工", "Seriously ill workers"),
        _ => new("受灾职工", "Workers hit by disaster"),
    };

    private static ConflictException Changed() => new(Loc.T("该走访记录已被他人修改，请刷新后再办理", "The visit changed meanwhile; reload it"));
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