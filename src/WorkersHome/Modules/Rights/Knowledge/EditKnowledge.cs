using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Rights.Knowledge;

/// <summary>
/// Editors write, correct, publish and withdraw articles. Each change is made on the version the editor saw (someone
/// else's change meanwhile answers 409) and audited; the search indexes of every instance pick it up on their next
/// search, since the change moves the database's generation.
/// </summary>
public sealed class EditKnowledge(AppDbContext db, AuditTrail audit, CurrentCadre cadre, TimeProvider clock)
{
    public const string Created = "rights.knowledge.created";
    public const string Changed = "rights.knowledge.changed";
    public const string Published = "rights.knowledge.published";
    public const string Withdrawn = "rights.knowledge.withdrawn";

    private const string Target = "knowledge-article";

    public async Task<KnowledgeArticleView> CreateAsync(KnowledgeInput input, CancellationToken ct)
    {
        Check(input);
        var article = new KnowledgeArticle { Id = Guid.NewGuid(), Published = input.Published };
        Apply(article, input, 1);
        db.KnowledgeArticles.Add(article);
        audit.Record(Created, Target, article.Id.ToString(), detail: new { article.Title, article.Topic, article.Published });
        await db.SaveChangesAsync(ct);
        return KnowledgeArticleView.Of(article);
    }

    public async Task<KnowledgeArticleView> UpdateAsync(Guid id, KnowledgeInput input, CancellationToken ct)
    {
        var article = await FindAsync(id, input.Version, ct);
        Check(input);
        var before = new { article.Title, article.Topic, article.LawReference, article.Tags };
        Apply(article, input, input.Version + 1);
        audit.Record(Changed, Target, id.ToString(), detail: new { before, after = new { article.Title, article.Topic, article.LawReference, article.Tags } });
        // A change saved by someone else after the version was read still fails here, on the concurrency token.
        await db.SaveChangesAsync(ct);
        return KnowledgeArticleView.Of(article);
    }

    public async Task<KnowledgeArticleView> PublishAsync(Guid id, KnowledgePublication publication, CancellationToken ct)
    {
        var article = await FindAsync(id, publication.Version, ct);
        (article.Published, article.Version, article.UpdatedAt, article.UpdatedBy) = (publication.Published, publication.Version + 1, clock.GetUtcNow(), Editor);
        audit.Record(publication.Published ? Published : Withdrawn, Target, id.ToString(), detail: new { article.Title });
        await db.SaveChangesAsync(ct);
        return KnowledgeArticleView.Of(article);
    }

    private string Editor => cadre.UserNameOrNull ?? "system";

    private async Task<KnowledgeArticle> FindAsync(Guid id, int version, CancellationToken ct)
    {
        var article = await db.KnowledgeArticles.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException();
        if (article.Version != version)
        {
            throw new ConflictException(ProblemResults.StaleMessage);
        }

        db.Entry(article).Property(a => a.Version).OriginalValue = version;
        return article;
    }

    private void Apply(KnowledgeArticle article, KnowledgeInput input, int version)
    {
        article.Title = input.Title!.Trim();
        article.Question = input.Question!.Trim();
        // Paragraphs are kept as single newlines, whatever the browser sent.
        article.Answer = string.Join("\n", input.Answer!.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(p => p.Trim()).Where(p => p.Length > 0));
        article.Topic = input.Topic!.Value;
        article.LawReference = input.LawReference?.Trim() ?? "";
        article.Tags = input.Tags?.Trim() ?? "";
        article.Version = version;
        article.UpdatedAt = clock.GetUtcNow();
        article.UpdatedBy = Editor;
    }

    private static void Check(KnowledgeInput input)
    {
        var errors = new FieldErrors();
        Text(errors, nameof(KnowledgeInput.Title), input.Title, KnowledgeArticle.MaxTitle, "标题", "title");
        Text(errors, nameof(KnowledgeInput.Question), input.Question, KnowledgeArticle.MaxQuestion, "典型问题", "question");
        Text(errors, nameof(KnowledgeInput.Answer), input.Answer, KnowledgeArticle.MaxAnswer, "解答", "answer");
        if (input.Topic is not { } topic || !Enum.IsDefined(topic))
        {
            errors.Add(nameof(KnowledgeInput.Topic), "请选择问题类别", "Choose the topic");
        }

        if (input.LawReference?.Trim().Length > KnowledgeArticle.MaxLawReference)
        {
            errors.Add(nameof(KnowledgeInput.LawReference), $"法律依据最多 {KnowledgeArticle.MaxLawReference} 字", $"The legal basis has at most {KnowledgeArticle.MaxLawReference} characters");
        }

        if (input.Tags?.Trim().Length > KnowledgeArticle.MaxTags)
        {
            errors.Add(nameof(KnowledgeInput.Tags), $"关键词最多 {KnowledgeArticle.MaxTags} 字", $"The keywords have at most {KnowledgeArticle.MaxTags} characters");
        }

        errors.ThrowIfAny();
    }

    private static void Text(FieldErrors errors, string field, string? value, int max, string zh, string en)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
        {
            errors.Add(field, $"请填写{zh}（{max} 字以内）", $"Enter the {en} (up to {max} characters)");
        }
    }
}