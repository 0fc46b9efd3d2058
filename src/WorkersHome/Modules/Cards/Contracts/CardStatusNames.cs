using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Cards.Contracts;

/// <summary>
/// Card statuses by their stored numbers, for modules that report on cards without handling them. The numbers are
/// those of the Cards module's status enum (1 active … 5 cancelled), which takes its labels from here.
/// </summary>
public static class CardStatusNames
{
    public static IReadOnlyList<(int Status, LocalizedText Label)> All { get; } = [.. Enumerable.Range(1, 5).Select(s => (s, Label(s)))];

    public static LocalizedText Label(int status) => status switch
    {
        1 => new("正常", "Active"),
        2 => new("已冻结", "Frozen"),
        3 => new("已挂失", "Reported lost"),
        4 => new("已补换", "Reissued"),
        _ => new("已注销", "Cancelled"),
    };
}