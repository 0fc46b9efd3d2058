using WorkersHome.Modules.Rights.Cases;

namespace WorkersHome.Modules.Rights.Knowledge;

internal static class KnowledgeApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var knowledge = app.MapGroup("/api/rights/knowledge").WithTags("Rights");
        knowledge.MapGet("/", (string? q, CaseTopic? topic, int? limit, KnowledgeSearch search, CancellationToken ct) =>
                search.SearchAsync(new KnowledgeQuery(q, topic, limit), ct))
            .RequireAuthorization(RightsPermissions.View)
            .WithSummary("Search the knowledge base by the words of a caller's question (Chinese is segmented), best first, with a marked snippet; "
                + "without q, every article (of the topic); published or not");
        knowledge.MapGet("/{id:guid}", (Guid id, KnowledgeSearch search, CancellationToken ct) => search.DetailAsync(id, ct))
            .RequireAuthorization(RightsPermissions.View)
            .WithSummary("One article with its version, to edit or to send to the member");
        knowledge.MapPost("/", async (KnowledgeInput input, EditKnowledge edit, CancellationToken ct) =>
            {
                var created = await edit.CreateAsync(input, ct);
                return TypedResults.Created($"/api/rights/knowledge/{created.Id}", created);
            })
            .RequireAuthorization(RightsPermissions.Knowledge)
            .WithSummary("Write an article (published at once with published=true); audited");
        knowledge.MapPut("/{id:guid}", (Guid id, KnowledgeInput input, EditKnowledge edit, CancellationToken ct) => edit.UpdateAsync(id, input, ct))
            .RequireAuthorization(RightsPermissions.Knowledge)
            .WithSummary("Change an article on the version you saw (409 if someone changed it meanwhile); audited");
        knowledge.MapPost("/{id:guid}/publication", (Guid id, KnowledgePublication publication, EditKnowledge edit, CancellationToken ct) =>
                edit.PublishAsync(id, publication, ct))
            .RequireAuthorization(RightsPermissions.Knowledge)
            .WithSummary("Publish an article on the public site (published=true) or withdraw it (false), on the version you saw; audited");

        app.MapGet("/api/public/qa", (string? q, CaseTopic? topic, int? limit, KnowledgeSearch search, CancellationToken ct) =>
                search.SearchPublishedAsync(new KnowledgeQuery(q, topic, limit), ct))
            .AllowAnonymous().WithTags("Rights")
            .WithSummary("Anyone: the published questions and answers on workers' rights, searched by words (best first) or all by topic");
    }
}