using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Cards.Contracts;

/// <summary>Card statuses by their stored numbers, for modules that report on cards without handling them.</summary>
public static class CardStatusNames
{
    public static IReadOnlyList<(int Status, LocalizedText Label)> All { get; } =
        [.. Enum.GetValues<CardStatus>().Select(s => ((int)s, MemberCard.StatusLabel(s)))];
}