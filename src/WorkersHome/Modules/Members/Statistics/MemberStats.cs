namespace WorkersHome.Modules.Members.Statistics;

/// <summary>
/// Member figures for one org's whole subtree (the org itself included), keyed by org code so that a
/// member's path names every row it counts in. Only members who count (active or retained) are counted.
/// </summary>
public sealed class MemberStats
{
    public string OrgCode { get; set; } = "";

    public int Active { get; set; }

    public int Retained { get; set; }

    public int FullTime { get; set; }

    public int Dispatched { get; set; }

    public int PartTime { get; set; }

    /// <summary>Flexible employment: gig workers of platforms.</summary>
    public int Flexible { get; set; }

    public int Migrant { get; set; }
}

/// <summary>Counted members of a subtree by the year they joined ("new members this year").</summary>
public sealed class MemberJoinStats
{
    public string OrgCode { get; set; } = "";

    public int Year { get; set; }

    public int Joined { get; set; }
}

/// <summary>What one member adds to (or, negated, takes from) every row on its path.</summary>
public readonly record struct Contribution(int Active, int Retained, int FullTime, int Dispatched, int PartTime, int Flexible, int Migrant, int JoinYear, int Joined)
{
    public static Contribution Of(Member m)
    {
        if (!Member.CountsAsMember(m.Status))
        {
            return default;
        }

        return new Contribution(
            m.Status == MembershipStatus.Active ? 1 : 0, m.Status == MembershipStatus.Retained ? 1 : 0,
            m.EmploymentForm == EmploymentForm.FullTime ? 1 : 0, m.EmploymentForm == EmploymentForm.Dispatched ? 1 : 0,
            m.EmploymentForm == EmploymentForm.PartTime ? 1 : 0, m.EmploymentForm == EmploymentForm.Flexible ? 1 : 0,
            m.IsMigrantWorker ? 1 : 0, m.JoinedOn.Year, 1);
    }

    public Contribution Negate() => new(-Active, -Retained, -FullTime, -Dispatched, -PartTime, -Flexible, -Migrant, JoinYear, -Joined);

    public bool IsZero => Active == 0 && Retained == 0 && FullTime == 0 && Dispatched == 0 && PartTime == 0 && Flexible == 0 && Migrant == 0 && Joined == 0;
}