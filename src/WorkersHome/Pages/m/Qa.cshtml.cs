using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Rights.Cases;
using WorkersHome.Modules.Rights.Knowledge;

namespace WorkersHome.Pages.m;

/// <summary>职工维权常见问题: the knowledge base's published answers for anyone, searched by words or read by topic, on the phone.</summary>
public sealed class QaModel(KnowledgeSearch search) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseTopic? Topic { get; set; }

    public IReadOnlyList<KnowledgeHit> Hits { get; private set; } = [];

    public bool Searched => !string.IsNullOrWhiteSpace(Q);

    /// <summary>Found answers stay in their order of relevance; the whole list is read topic by topic.</summary>
    public IEnumerable<(string? Heading, IReadOnlyList<KnowledgeHit> Hits)> Groups => Searched
        ? [(null, Hits)]
        : Hits.GroupBy(h => h.Topic).Select(g => ((string?)g.First().TopicName, (IReadOnlyList<KnowledgeHit>)[.. g]));

    public async Task OnGetAsync(CancellationToken ct) =>
        Hits = await search.SearchPublishedAsync(new KnowledgeQuery(Q, Topic, Searched ? 20 : KnowledgeQuery.MaxLimit), ct);
}