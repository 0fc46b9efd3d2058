using WorkersHome.Modules.Members.SignIn;
using WorkersHome.Modules.Members.Transfer;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Members;

public sealed record TransferRequest(long ToOrgId, string? IdNumber);

public sealed record TransferDecision(int Version, string? Reason);

internal static class TransferApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/me/transfers").WithTags("Transfers").RequireAuthorization(MemberAuthentication.Policy);
        mine.MapGet("/", (HttpContext http, TransferQueries queries, CancellationToken ct) => queries.ListForMemberAsync(MemberAuthentication.MemberIdOf(http.User)!.Value, ct))
            .WithSummary("My transfers");
        mine.MapPost("/", async (TransferRequest request, HttpContext http, RequestTransferByMember useCase, TransferQueries queries, CancellationToken ct) =>
        {
            var memberId = MemberAuthentication.MemberIdOf(http.User)!.Value;
            var transfer = await useCase.ExecuteAsync(memberId, request.ToOrgId, "member", ct);
            return TypedResults.Created($"/api/me/transfers/{transfer.Id}", (await queries.ListForMemberAsync(memberId, ct)).First(t => t.Id == transfer.Id));
        }).WithSummary("Ask to move my membership to another union (found with /api/join/unions)");
        mine.MapPost("/{id:guid}/cancel", async (Guid id, TransferDecision decision, HttpContext http, CancelTransferByMember useCase, CancellationToken ct) =>
        {
            await useCase.ExecuteAsync(MemberAuthentication.MemberIdOf(http.User)!.Value, id, decision.Version, ct);
            return TypedResults.NoContent();
        }).WithSummary("Withdraw my transfer before it completes");

        var cadre = app.MapGroup("/api/members/transfers").WithTags("Transfers").RequireAuthorization(MemberPermissions.Manage);
        cadre.MapGet("/", (TransferQueries queries, CancellationToken ct) => queries.ListForCadreAsync(ct)).WithSummary("Transfers into or out of your subtree");
        cadre.MapPost("/", async (TransferRequest request, RequestTransferByReceivingUnion useCase, CancellationToken ct) =>
        {
            var transfer = await useCase.ExecuteAsync(request.IdNumber, request.ToOrgId, ct);
            return TypedResults.Created($"/api/members/transfers/{transfer.Id}", new { transfer.Id, transfer.Version });
        }).WithSummary("Start a transfer into one of your unions for a member found by full ID number anywhere in the country");
        cadre.MapPost("/{id:guid}/accept", async (Guid id, TransferDecision d, DecideTransferAsReceiver useCase, CancellationToken ct) =>
        {
            await useCase.ExecuteAsync(id, d.Version, accept: true, null, ct);
            return TypedResults.NoContent();
        }).WithSummary("The receiving union accepts");
        cadre.MapPost("/{id:guid}/refuse", async (Guid id, TransferDecision d, DecideTransferAsReceiver useCase, CancellationToken ct) =>
        {
            await useCase.ExecuteAsync(id, d.Version, accept: false, d.Reason, ct);
            return TypedResults.NoContent();
        }).WithSummary("The receiving union refuses, with a reason");
        cadre.MapPost("/{id:guid}/confirm", async (Guid id, TransferDecision d, ConfirmTransferAsSender useCase, CancellationToken ct) =>
        {
            await useCase.ExecuteAsync(id, d.Version, ct);
            return TypedResults.NoContent();
        }).WithSummary("The sending union confirms: the membership moves now");
    }
}