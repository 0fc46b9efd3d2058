using System.Globalization;

using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Rights.Cases;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Rights.Knowledge;

/// <summary>
/// Searches the knowledge base by the words of a caller's question, in title, question, tags and answer (in that order
/// of weight), and reads single articles. Every search first asks the database for its generation, one cheap sum, so
/// that the instance's index follows edits made on any instance.
/// </summary>
public sealed class KnowledgeSearch(AppDbContext db, KnowledgeIndex index)
{
    private const int SnippetLength = 90;

    /// <summary>Field weights: a word in the title says most about what the article answers, one in the answer least.</summary>
    private static readonly (string Field, float Boost)[] Fields =
    [
        (KnowledgeIndex.TitleField, 4f), (KnowledgeIndex.TagsField, 3f), (KnowledgeIndex.QuestionField, 2f), (KnowledgeIndex.AnswerField, 1f),
        (KnowledgeIndex.LawField, 0.5f),
    ];

    /// <summary>Cadres: every article, published or not.</summary>
    public Task<IReadOnlyList<KnowledgeHit>> SearchAsync(KnowledgeQuery query, CancellationToken ct) => RunAsync(query, publishedOnly: false, ct);

    /// <summary>The public site: published articles only.</summary>
    public Task<IReadOnlyList<KnowledgeHit>> SearchPublishedAsync(KnowledgeQuery query, CancellationToken ct) => RunAsync(query, publishedOnly: true, ct);

    public async Task<KnowledgeArticleView> DetailAsync(Guid id, CancellationToken ct) =>
        KnowledgeArticleView.Of(await db.KnowledgeArticles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException());

    /// <summary>
    /// Grows with every change: each save raises an article's version by one, and a new article adds its version
    /// plus one. Articles are never deleted, so an unchanged sum means an unchanged knowledge base.
    /// </summary>
    private Task<long> GenerationAsync(CancellationToken ct) => db.KnowledgeArticles.SumAsync(a => (long)a.Version + 1, ct);

    private async Task<IReadOnlyList<KnowledgeHit>> RunAsync(KnowledgeQuery query, bool publishedOnly, CancellationToken ct)
    {
        var limit = Math.Clamp(query.Limit ?? KnowledgeQuery.DefaultLimit, 1, KnowledgeQuery.MaxLimit);
        var words = index.Words(query.Q ?? "");
        var generation = await GenerationAsync(ct);
        return await index.SearchAsync(generation, async c => await db.KnowledgeArticles.AsNoTracking().ToListAsync(c),
            searcher => Search(searcher, words, query.Topic, publishedOnly, limit), ct);
    }

    private List<KnowledgeHit> Search(IndexSearcher searcher, IReadOnlyList<string> words, CaseTopic? topic, bool publishedOnly, int limit)
    {
        var filter = new BooleanQuery();
        if (publishedOnly)
        {
            filter.Add(new TermQuery(new Term(KnowledgeIndex.PublishedField, "1")), Occur.MUST);
        }

        if (topic is { } t)
        {
            filter.Add(new TermQuery(new Term(KnowledgeIndex.TopicField, ((int)t).ToString(CultureInfo.InvariantCulture))), Occur.MUST);
        }

        if (words.Count == 0)
        {
            // No words: the whole list (of the topic), in the order the page groups it.
            Query all = filter.Clauses.Count == 0 ? new MatchAllDocsQuery() : filter;
            return searcher.Search(all, KnowledgeQuery.MaxLimit).ScoreDocs
                .Select(d => Hit(searcher.Doc(d.Doc), null))
                .OrderBy(h => h.Topic).ThenBy(h => h.Title, StringComparer.Ordinal)
                .Take(limit).ToList();
        }

        var text = new BooleanQuery();
        foreach (var word in words)
        {
            foreach (var (field, boost) in Fields)
            {
                text.Add(new TermQuery(new Term(field, word)) { Boost = boost }, Occur.SHOULD);
            }
        }

        var found = filter.Clauses.Count == 0
            ? searcher.Search(text, limit)
            : searcher.Search(text, new QueryWrapperFilter(filter), limit);
        return found.ScoreDocs.Select(d => Hit(searcher.Doc(d.Doc), text)).ToList();
    }

    private KnowledgeHit Hit(Document doc, Query? text)
    {
        var answer = doc.Get(KnowledgeIndex.AnswerField);
        var topic = (CaseTopic)int.Parse(doc.Get(KnowledgeIndex.TopicField), CultureInfo.InvariantCulture);
        return new KnowledgeHit(Guid.Parse(doc.Get(KnowledgeIndex.IdField)), doc.Get(KnowledgeIndex.TitleField), doc.Get(KnowledgeIndex.QuestionField),
            answer, topic, CaseLabels.Of(topic).ToString(), doc.Get(KnowledgeIndex.LawField), doc.Get(KnowledgeIndex.PublishedField) == "1",
            int.Parse(doc.Get(KnowledgeIndex.VersionField), CultureInfo.InvariantCulture), Snippet(answer, text));
    }

    /// <summary>The answer's passages with the most searched words, marked; without words (or none in the answer), its beginning.</summary>
    private string Snippet(string answer, Query? text)
    {
        if (text is not null)
        {
            var scorer = new QueryScorer(text, KnowledgeIndex.AnswerField);
            var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), TextEncoder.Instance, scorer)
            {
                TextFragmenter = new SimpleSpanFragmenter(scorer, SnippetLength),
            };
            using var stream = index.Analyzer.GetTokenStream(KnowledgeIndex.AnswerField, new StringReader(answer));
            var best = highlighter.GetBestFragments(stream, answer, 2, "……");
            if (!string.IsNullOrEmpty(best))
            {
                return best;
            }
        }

        var start = answer.Split('\n')[0];
        return TextEncoder.Instance.EncodeText(start.Length > SnippetLength ? start[..SnippetLength] + "……" : start);
    }

    /// <summary>Lucene's own HTML encoder writes every Chinese character as a numeric entity; only markup needs escaping.</summary>
    private sealed class TextEncoder : IEncoder
    {
        public static readonly TextEncoder Instance = new();

        public string EncodeText(string originalText) => System.Net.WebUtility.HtmlEncode(originalText);
    }
}