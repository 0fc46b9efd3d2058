using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Members.Contracts;

/// <summary>Groups a union keeps for its members that benefits may be limited to (a merchant's offer for model workers).</summary>
[Flags]
public enum MemberGroups
{
    None = 0,

    /// <summary>劳动模范: model workers at any level.</summary>
    ModelWorker = 1,

    /// <summary>困难职工: a household the union supports in hardship.</summary>
    Hardship = 2,
}

public static class MemberGroupNames
{
    public static IReadOnlyList<(MemberGroups Group, LocalizedText Label)> All { get; } =
        [(MemberGroups.ModelWorker, new("劳动模范", "Model workers")), (MemberGroups.Hardship, new("困难职工", "Hardship households"))];

    /// <summary>"劳动模范、困难职工" / "Model workers, Hardship households" for a set of groups; empty for none.</summary>
    public static LocalizedText Names(MemberGroups groups)
    {
        var labels = All.Where(g => groups.HasFlag(g.Group)).Select(g => g.Label).ToList();
        return new(string.Join("、", labels.Select(l => l.Zh)), string.Join(", ", labels.Select(l => l.En)));
    }

    public static string Describe(MemberGroups groups) => Names(groups).ToString();

    public static bool IsKnown(MemberGroups groups) => (groups & ~(MemberGroups.ModelWorker | MemberGroups.Hardship)) == 0;
}