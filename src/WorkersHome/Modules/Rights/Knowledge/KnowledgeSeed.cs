using WorkersHome.Modules.Rights.Cases;

namespace WorkersHome.Modules.Rights.Knowledge;

/// <summary>
/// The knowledge base as first installed: twenty questions the hotline hears most, answered for the law in force when
/// written. Fixed ids and dates keep the seed stable across migrations; editors correct and extend it on the page,
/// and an edit there is not overwritten, since a later change to this list would reach databases as a migration.
/// </summary>
public static partial class KnowledgeSeed
{
    /// <summary>When the seed was written; the articles show it as their last change until an editor saves them.</summary>
    public static readonly DateTimeOffset WrittenAt = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<KnowledgeArticle> Articles { get; } = [.. Wages(), .. Contracts(), .. Protection(), .. Union()];

    /// <summary>The id of seed article <paramref name="n"/> (1 to 20), fixed so that tests and links can name it.</summary>
    public static Guid Id(int n) => new($"6b6e6f77-0000-4000-8000-{n:000000000000}");

    private static KnowledgeArticle Article(int n, CaseTopic topic, string title, string question, string law, string tags, params string[] paragraphs) => new()
    {
        Id = Id(n),
        Topic = topic,
        Title = title,
        Question = question,
        Answer = string.Join("\n", paragraphs),
        LawReference = law,
        Tags = tags,
        Published = true,
        UpdatedAt = WrittenAt,
        UpdatedBy = "system",
        Version = 1,
    };
}