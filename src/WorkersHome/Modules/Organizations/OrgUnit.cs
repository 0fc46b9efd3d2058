using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence.OrgOwnership;

namespace WorkersHome.Modules.Organizations;

public enum OrgLevel
{
    National = 0,
    Province = 1,
    City = 2,
    County = 3,
    Township = 4,
    Grassroots = 5,
}

public enum OrgStatus
{
    Active = 0,
    Merged = 1,
    Dissolved = 2,
}

public enum UnionType
{
    Enterprise = 1,
    PublicInstitution = 2,
    GovernmentAgency = 3,
    Regional = 4,
    Industry = 5,
    GigWorkers = 6,
}

/// <summary>
/// A node of the union tree. <see cref="Path"/> is the materialised path of codes from the root,
/// e.g. "/41/4101/410105/", so that a subtree is a range scan on one index.
/// </summary>
[OrgOwned(WhenUnionMoves.IsTheTree, Path = nameof(Path), UnionId = null)]
public sealed class OrgUnit
{
    public long Id { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public OrgLevel Level { get; set; }

    public long? ParentId { get; set; }

    public string Path { get; set; } = "";

    public int Depth { get; set; }

    public OrgStatus Status { get; set; }

    public long? MergedIntoId { get; set; }

    public UnionType? UnionType { get; set; }

    public string? EmployerName { get; set; }

    public string? CreditCode { get; set; }

    public string? Address { get; set; }

    public DateOnly? FoundedOn { get; set; }

    public string? ChairName { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    /// <summary>Raised on every change; a stale edit is refused with 409.</summary>
    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static string ChildPath(string parentPath, string code) => parentPath + code + "/";

    public bool IsGrassroots => Level == OrgLevel.Grassroots;

    public static LocalizedText LevelLabel(OrgLevel level) => level switch
    {
        OrgLevel.National => new("全国总工会", "National federation"),
        OrgLevel.Province => new("省总工会", "Province federation"),
        OrgLevel.City => new("市总工会", "City federation"),
        OrgLevel.County => new("县(区)总工会", "County/district federation"),
        OrgLevel.Township => new("乡镇(街道)工会", "Township/street union"),
        _ => new("基层工会", "Grassroots union"),
    };

    public static LocalizedText StatusLabel(OrgStatus status) => status switch
    {
        OrgStatus.Merged => new("已合并", "Merged"),
        OrgStatus.Dissolved => new("已撤销", "Dissolved"),
        _ => new("正常", "Active"),
    };

    public static LocalizedText TypeLabel(UnionType? type) => type switch
    {
        Organizations.UnionType.Enterprise => new("企业工会", "Enterprise union"),
        Organizations.UnionType.PublicInstitution => new("事业单位工会", "Public institution union"),
        Organizations.UnionType.GovernmentAgency => new("机关工会", "Government agency union"),
        Organizations.UnionType.Regional => new("区域性工会联合会", "Regional union"),
        Organizations.UnionType.Industry => new("行业性工会联合会", "Industry union"),
        Organizations.UnionType.GigWorkers => new("新就业形态劳动者工会", "Union for gig workers"),
        _ => new("—", "—"),
    };
}

/// <summary>
/// Counts for a node's whole subtree (the node itself excluded), kept in the same transaction as
/// every change so that a province's figures never need a scan.
/// </summary>
public sealed class OrgRollup
{
    public long OrgId { get; set; }

    public int SubUnits { get; set; }

    public int GrassrootsUnions { get; set; }

    public int Members { get; set; }
}

public enum OrgHistoryKind
{
    Created = 0,
    Edited = 1,
    Moved = 2,
    Merged = 3,
    Dissolved = 4,
    Absorbed = 5,
}

public sealed class OrgHistoryEntry
{
    public long Id { get; set; }

    public long OrgId { get; set; }

    public DateTimeOffset At { get; set; }

    public OrgHistoryKind Kind { get; set; }

    public string Detail { get; set; } = "";

    public Guid? ActorId { get; set; }

    public string ActorName { get; set; } = "";
}