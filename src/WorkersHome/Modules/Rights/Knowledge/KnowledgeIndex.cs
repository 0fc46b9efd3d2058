using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace WorkersHome.Modules.Rights.Knowledge;

/// <summary>
/// The knowledge base as an in-memory Lucene index, one per app instance (ADR 0019). It is built from the database and
/// labelled with the database's generation (<see cref="KnowledgeSearch"/> reads it before each search); a search that
/// finds a newer generation rebuilds it first, so an edit on any instance reaches every instance's next search. Searches
/// run on an immutable snapshot at once; one build at a time replaces it, and the replaced reader closes when its last
/// search ends.
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    internal const string IdField = "id";
    internal const string TitleField = "title";
    internal const string QuestionField = "question";
    internal const string AnswerField = "answer";
    internal const string TagsField = "tags";
    internal const string LawField = "law";
    internal const string TopicField = "topic";
    internal const string PublishedField = "published";
    internal const string VersionField = "version";

    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// Words every caller's question carries (怎么办, 可以, 吗 …): they match half the knowledge base and would let a long
    /// article outrank the one about the caller's problem. Added to SmartCn's own punctuation list.
    /// </summary>
    private static readonly string[] QuestionWords =
    [
        "怎么办", "怎么", "怎样", "如何", "什么", "哪些", "是否", "可以", "能", "能不能", "会", "要", "吗", "呢", "吧", "啊",
        "的", "了", "和", "与", "或", "是", "在", "有", "我", "我们", "你", "他", "她", "这", "那", "就", "都", "也", "还", "被", "把", "给",
    ];

    private readonly SemaphoreSlim _building = new(1, 1);
    private Snapshot? _current;

    public KnowledgeIndex()
    {
        var stopWords = new CharArraySet(Version, SmartChineseAnalyzer.DefaultStopSet, ignoreCase: true);
        foreach (var word in QuestionWords)
        {
            stopWords.Add(word);
        }

        Analyzer = new SmartChineseAnalyzer(Version, stopWords);
    }

    /// <summary>SmartCn with the question words dropped; thread-safe (each thread reuses its own token streams).</summary>
    internal Analyzer Analyzer { get; }

    /// <summary>The generation the current snapshot was built at, or null before the first search.</summary>
    public long? Generation => Volatile.Read(ref _current)?.Generation;

    /// <summary>The words of <paramref name="text"/> as the index knows them: segmented, stop words dropped, each once.</summary>
    public IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        using var stream = Analyzer.GetTokenStream(AnswerField, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var word = term.ToString();
            if (!words.Contains(word, StringComparer.Ordinal))
            {
                words.Add(word);
            }
        }

        stream.End();
        return words;
    }

    /// <summary>
    /// Runs <paramref name="search"/> on a snapshot at least as new as <paramref name="generation"/>, building one from
    /// <paramref name="load"/> first when the current one is older. The generation only grows, so an older caller never
    /// replaces a newer snapshot.
    /// </summary>
    public async Task<T> SearchAsync<T>(long generation, Func<CancellationToken, Task<IReadOnlyList<KnowledgeArticle>>> load,
        Func<IndexSearcher, T> search, CancellationToken ct)
    {
        while (true)
        {
            var snapshot = Volatile.Read(ref _current);
            if (snapshot is null || snapshot.Generation < generation)
            {
                snapshot = await RebuildAsync(generation, load, ct);
            }

            // The snapshot may have been replaced and closed since it was read: then take the newer one.
            if (!snapshot.Reader.TryIncRef())
            {
                continue;
            }

            try
            {
                return search(snapshot.Searcher);
            }
            finally
            {
                snapshot.Reader.DecRef();
            }
        }
    }

    private async Task<Snapshot> RebuildAsync(long generation, Func<CancellationToken, Task<IReadOnlyList<KnowledgeArticle>>> load, CancellationToken ct)
    {
        await _building.WaitAsync(ct);
        try
        {
            var current = Volatile.Read(ref _current);
            if (current is not null && current.Generation >= generation)
            {
                return current;
            }

            // Read after the generation: the rows are at least that new. If they are newer, the next search sees a
            // higher generation and builds again; a snapshot never claims to be newer than its rows.
            var fresh = Build(await load(ct), generation);
            Volatile.Write(ref _current, fresh);
            current?.Reader.DecRef();
            return fresh;
        }
        finally
        {
            _building.Release();
        }
    }

    private Snapshot Build(IReadOnlyList<KnowledgeArticle> articles, long generation)
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, Analyzer)))
        {
            foreach (var a in articles)
            {
                writer.AddDocument(
                [
                    new StringField(IdField, a.Id.ToString(), Field.Store.YES),
                    new TextField(TitleField, a.Title, Field.Store.YES),
                    new TextField(QuestionField, a.Question, Field.Store.YES),
                    new TextField(AnswerField, a.Answer, Field.Store.YES),
                    new TextField(TagsField, a.Tags, Field.Store.YES),
                    new TextField(LawField, a.LawReference, Field.Store.YES),
                    new StringField(TopicField, ((int)a.Topic).ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
                    new StringField(PublishedField, a.Published ? "1" : "0", Field.Store.YES),
                    new StoredField(VersionField, a.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ]);
            }

            writer.Commit();
        }

        var reader = DirectoryReader.Open(directory);
        return new Snapshot(generation, reader, new IndexSearcher(reader));
    }

    public void Dispose()
    {
        Volatile.Read(ref _current)?.Reader.DecRef();
        Analyzer.Dispose();
        _building.Dispose();
    }

    private sealed record Snapshot(long Generation, DirectoryReader Reader, IndexSearcher Searcher);
}