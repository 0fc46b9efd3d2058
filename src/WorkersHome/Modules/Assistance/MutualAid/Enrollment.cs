using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence.OrgOwnership;

namespace WorkersHome.Modules.Assistance.MutualAid;

public enum EnrolleeKind
{
    Member = 1,
    Spouse = 2,

    /// <summary>农民工: a migrant worker the union covers (often without a member record of their own yet).</summary>
    MigrantWorker = 3,
}

public enum PremiumPayer
{
    Union = 1,
    Member = 2,

    /// <summary>The city union pays for households in hardship through illness (and adds benefit points).</summary>
    City = 3,
}

/// <summary>
/// One person enrolled in a medical mutual aid program for its period (医疗互助参保) by their grassroots union: so
/// many items (份) at the premium per item, paid by the union, the member, or — for households in hardship through
/// illness — the city union, which also raises their benefit. An enrolment has no states: it is made once and not
/// changed afterwards, so its properties are set only when it is made.
/// </summary>
[OrgOwned(WhenUnionMoves.FollowsUnion, SubtreeFilter = false)]
public sealed class Enrollment
{
    public long Id { get; init; }

    public long ProgramId { get; init; }

    public long OrgId { get; init; }

    public string OrgPath { get; init; } = "";

    /// <summary>The member enrolled, or the member whose spouse this is; null for a migrant worker without a record.</summary>
    public Guid? MemberId { get; init; }

    public string PersonName { get; init; } = "";

    public string PersonIdHash { get; init; } = "";

    public string IdMasked { get; init; } = "";

    public EnrolleeKind Kind { get; init; }

    public int Items { get; init; }

    public decimal Premium { get; init; }

    public PremiumPayer PaidBy { get; init; }

    public bool IllnessHardship { get; init; }

    public string EnrolledBy { get; init; } = "";

    public DateTimeOffset EnrolledAt { get; init; }

    public static LocalizedText KindLabel(EnrolleeKind kind) => kind switch
    {
        EnrolleeKind.Member => new("会员本人", "Member"),
        EnrolleeKind.Spouse => new("配偶", "Spouse"),
        _ => new("农民工", "Migrant worker"),
    };

    public static LocalizedText PayerLabel(PremiumPayer payer) => payer switch
    {
        PremiumPayer.Union => new("工会缴纳", "Union pays"),
        PremiumPayer.Member => new("个人缴纳", "Member pays"),
        _ => new("市总工会兜底", "City union pays"),
    };
}