using WorkersHome.Modules.Members.Browse;
using WorkersHome.Modules.Members.CodeTables;
using WorkersHome.Modules.Members.Register;

namespace WorkersHome.Modules.Members;

public sealed record StatusRequest(int Version, MembershipStatus Status, string? Note);

public sealed record CodeView(string Code, string Zh, string En);

internal static class MembersApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/members").WithTags("Members").RequireAuthorization(MemberPermissions.View);
        api.MapGet("/", ([AsParameters] MemberFilter filter, MemberQueries q, CancellationToken ct) => q.ListAsync(filter, ct))
            .WithSummary("Members of the subtree (masked); filter by node, status, employment form, migrant flag, age, join year, name or exact ID/phone");
        api.MapGet("/{id:guid}", (Guid id, MemberQueries q, CancellationToken ct) => q.GetAsync(id, ct));
        api.MapPost("/{id:guid}/reveal", (Guid id, MemberQueries q, CancellationToken ct) => q.RevealAsync(id, ct))
            .RequireAuthorization(MemberPermissions.Reveal).WithSummary("Full ID and phone of one member; audited");
        api.MapPost("/", async (MemberInput input, RegisterMember register, MemberQueries q, CancellationToken ct) =>
        {
            var member = await register.ExecuteAsync(input, ct);
            return TypedResults.Created($"/api/members/{member.Id}", await q.GetAsync(member.Id, ct));
        }).RequireAuthorization(MemberPermissions.Manage).WithSummary("Add a member (409 when the person is already on record)");
        api.MapPut("/{id:guid}/status", async (Guid id, StatusRequest request, ChangeMemberStatus change, MemberQueries q, CancellationToken ct) =>
        {
            await change.ExecuteAsync(id, request.Version, request.Status, request.Note, ct);
            return await q.GetAsync(id, ct);
        }).RequireAuthorization(MemberPermissions.Manage).WithSummary("Retain, end or restore a membership");
        api.MapGet("/codes/{table}", async (string table, CodeTableCache codes, CancellationToken ct) =>
            (await codes.EntriesAsync(table, ct)).Select(c => new CodeView(c.Code, c.Zh, c.En)))
            .WithSummary("A code table: ethnicity, education or political");
    }
}