using Microsoft.AspNetCore.Http.HttpResults;

using WorkersHome.Modules.Organizations.BrowseTree;
using WorkersHome.Modules.Organizations.ManageUnions;

namespace WorkersHome.Modules.Organizations;

public sealed record UnionDetails(
    long Id, string Code, string Name, OrgLevel Level, OrgStatus Status, long? ParentId, long? MergedIntoId, UnionType? UnionType,
    string? EmployerName, string? CreditCode, string? Address, DateOnly? FoundedOn, string? ChairName,
    string? ContactName, string? ContactPhone, int Version, int SubUnits, int GrassrootsUnions, int Members)
{
    public static UnionDetails From(OrgUnit u, OrgNodeView counts) => new(
        u.Id, u.Code, u.Name, u.Level, u.Status, u.ParentId, u.MergedIntoId, u.UnionType, u.EmployerName, u.CreditCode, u.Address,
        u.FoundedOn, u.ChairName, u.ContactName, u.ContactPhone, u.Version, counts.SubUnits, counts.GrassrootsUnions, counts.Members);
}

public sealed record CreateUnionRequest(long ParentId, UnionInput Union);

public sealed record EditUnionRequest(int Version, UnionInput Union);

public sealed record MoveRequest(long NewParentId, int Version);

public sealed record MergeRequest(long TargetId, int Version);

public sealed record DissolveRequest(int Version, string? Reason);

public sealed record HistoryItem(DateTimeOffset At, OrgHistoryKind Kind, string Detail, string ActorName);

internal static class OrganizationsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/organizations").WithTags("Organizations").RequireAuthorization(OrgPermissions.View);
        api.MapGet("/root", async (OrgTreeQueries q, CancellationToken ct) => await q.GetRootAsync(ct))
            .WithSummary("The signed-in cadre's own node with its subtree counts");
        api.MapGet("/{id:long}", GetAsync).WithSummary("One unit with its subtree counts");
        api.MapGet("/{id:long}/service-figures", async (long id, int? year, BrowseTree.ServiceFiguresQueries q, CancellationToken ct) => await q.ForOrgAsync(id, year, ct))
            .WithSummary("Joining online, transfers, cards by status and merchant redemptions of the node's whole subtree in a year");
        api.MapGet("/{id:long}/children", async (long id, bool? includeClosed, int? skip, OrgTreeQueries q, CancellationToken ct) =>
                await q.GetChildrenAsync(id, includeClosed ?? false, skip ?? 0, ct))
            .WithSummary("Children of a unit with their subtree counts (200 per page)");
        api.MapGet("/{id:long}/breadcrumb", async (long id, OrgTreeQueries q, CancellationToken ct) =>
            await q.BreadcrumbAsync((await q.GetNodeAsync(id, ct)).Path, ct));
        api.MapGet("/{id:long}/history", async (long id, OrgTreeQueries q, CancellationToken ct) =>
            (await q.HistoryAsync(id, ct)).Select(h => new HistoryItem(h.At, h.Kind, h.Detail, h.ActorName)));
        api.MapGet("/search", async (string? q, OrgTreeQueries queries, CancellationToken ct) => await queries.SearchAsync(q, 50, ct))
            .WithSummary("Search units by name, code or credit code within the subtree");

        var manage = api.MapGroup("").RequireAuthorization(OrgPermissions.Manage);
        manage.MapPost("/", async (CreateUnionRequest request, CreateUnion create, OrgTreeQueries q, CancellationToken ct) =>
        {
            var unit = await create.ExecuteAsync(request.ParentId, request.Union, ct);
            return TypedResults.Created($"/api/organizations/{unit.Id}", UnionDetails.From(unit, await q.GetNodeAsync(unit.Id, ct)));
        }).WithSummary("Found a grassroots union");
        manage.MapPut("/{id:long}", async (long id, EditUnionRequest request, EditUnion edit, OrgTreeQueries q, CancellationToken ct) =>
        {
            var unit = await edit.ExecuteAsync(id, request.Version, request.Union, ct);
            return UnionDetails.From(unit, await q.GetNodeAsync(id, ct));
        }).WithSummary("Edit a grassroots union (409 when the version is stale)");
        manage.MapPost("/{id:long}/move", async (long id, MoveRequest request, MoveUnit move, OrgTreeQueries q, CancellationToken ct) =>
        {
            var unit = await move.ExecuteAsync(id, request.NewParentId, request.Version, ct);
            return UnionDetails.From(unit, await q.GetNodeAsync(id, ct));
        }).WithSummary("Move a unit with its whole subtree");
        manage.MapPost("/{id:long}/merge", async (long id, MergeRequest request, MergeUnions merge, CancellationToken ct) =>
        {
            var unit = await merge.ExecuteAsync(id, request.TargetId, request.Version, ct);
            return new { unit.Id, unit.Status, unit.MergedIntoId, unit.Version };
        }).WithSummary("Merge a grassroots union into another");
        manage.MapPost("/{id:long}/dissolve", async (long id, DissolveRequest request, DissolveUnion dissolve, CancellationToken ct) =>
        {
            var unit = await dissolve.ExecuteAsync(id, request.Version, request.Reason, ct);
            return new { unit.Id, unit.Status, unit.Version };
        }).WithSummary("Dissolve a grassroots union without members");
    }

    private static async Task<Ok<UnionDetails>> GetAsync(long id, OrgTreeQueries q, CancellationToken ct)
    {
        var counts = await q.GetNodeAsync(id, ct);
        return TypedResults.Ok(UnionDetails.From(await q.GetUnitAsync(id, ct), counts));
    }
}