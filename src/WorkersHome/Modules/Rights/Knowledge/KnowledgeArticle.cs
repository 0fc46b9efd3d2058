using WorkersHome.Modules.Rights.Cases;

namespace WorkersHome.Modules.Rights.Knowledge;

/// <summary>
/// One answer of the 12351 knowledge base (知识库): a typical question, the answer an agent reads or sends to the
/// member, and the law it rests on. Cadres see every article; the public worker site shows the published ones.
/// </summary>
public sealed class KnowledgeArticle
{
    public const int MaxTitle = 80;
    public const int MaxQuestion = 500;
    public const int MaxAnswer = 4000;
    public const int MaxLawReference = 200;
    public const int MaxTags = 200;

    public Guid Id { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The question as a worker would put it.</summary>
    public string Question { get; set; } = "";

    /// <summary>Plain text; a newline starts a paragraph.</summary>
    public string Answer { get; set; } = "";

    public CaseTopic Topic { get; set; }

    /// <summary>The articles of law the answer rests on, e.g. 《劳动合同法》第十九条.</summary>
    public string LawReference { get; set; } = "";

    /// <summary>Other words callers use for the same problem (口语、俗称), separated by spaces; searched with the rest.</summary>
    public string Tags { get; set; } = "";

    public bool Published { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    public int Version { get; set; }
}