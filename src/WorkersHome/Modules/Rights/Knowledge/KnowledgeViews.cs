using WorkersHome.Modules.Rights.Cases;

namespace WorkersHome.Modules.Rights.Knowledge;

/// <summary>What to look for: the caller's words (empty lists everything), a topic, and how many answers at most.</summary>
public sealed record KnowledgeQuery(string? Q, CaseTopic? Topic, int? Limit = null)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 500;
}

/// <summary>
/// One answer found. <see cref="Snippet"/> is HTML: the article's text, encoded, with the searched words in
/// &lt;mark&gt;; everything else is plain text.
/// </summary>
public sealed record KnowledgeHit(Guid Id, string Title, string Question, string Answer, CaseTopic Topic, string TopicName, string LawReference,
    bool Published, int Version, string Snippet);

/// <summary>An article as an editor sees it, with the version to send back with a change.</summary>
public sealed record KnowledgeArticleView(Guid Id, string Title, string Question, string Answer, CaseTopic Topic, string TopicName, string LawReference,
    string Tags, bool Published, DateTimeOffset UpdatedAt, string UpdatedBy, int Version)
{
    public static KnowledgeArticleView Of(KnowledgeArticle a) => new(a.Id, a.Title, a.Question, a.Answer, a.Topic, CaseLabels.Of(a.Topic).ToString(),
        a.LawReference, a.Tags, a.Published, a.UpdatedAt, a.UpdatedBy, a.Version);
}

/// <summary>A new article or a change of one; <see cref="Version"/> is the one the editor saw (ignored for a new one).</summary>
public sealed class KnowledgeInput
{
    public string? Title { get; set; }

    public string? Question { get; set; }

    public string? Answer { get; set; }

    public CaseTopic? Topic { get; set; }

    public string? LawReference { get; set; }

    public string? Tags { get; set; }

    /// <summary>Only for a new article: publish it at once (a change keeps the article's state; publishing is its own step).</summary>
    public bool Published { get; set; }

    public int Version { get; set; }

    public static KnowledgeInput From(KnowledgeArticleView a) => new()
    {
        Title = a.Title,
        Question = a.Question,
        Answer = a.Answer,
        Topic = a.Topic,
        LawReference = a.LawReference,
        Tags = a.Tags,
        Published = a.Published,
        Version = a.Version,
    };
}

/// <summary>Publish or withdraw an article, on the version the editor saw.</summary>
public sealed record KnowledgePublication(int Version, bool Published);