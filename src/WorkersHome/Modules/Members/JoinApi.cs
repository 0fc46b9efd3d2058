using System.Security.Claims;

using WorkersHome.Modules.Members.Join;
using WorkersHome.Modules.Members.SignIn;
using WorkersHome.Modules.Organizations.Contracts;

namespace WorkersHome.Modules.Members;

public sealed record DecisionRequest(int Version, string? Reason);

internal static class JoinApi
{
    public static ApplicantPhone PhoneOf(ClaimsPrincipal user) => new(
        user.FindFirstValue(MemberAuthentication.PhoneHashClaim)!,
        user.FindFirstValue(MemberAuthentication.PhoneMaskedClaim) ?? "",
        user.FindFirstValue(MemberAuthentication.PhoneCipherClaim) ?? "");

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/join/unions", (string? q, bool? open, IOrgDirectory orgs, CancellationToken ct) => orgs.SearchJoinableAsync(q, open ?? false, ct))
            .AllowAnonymous().WithTags("Join").WithSummary("Grassroots unions to apply to, by name, employer, credit code or place; open=true for regional, industry and gig-worker unions");

        var mine = app.MapGroup("/api/join/applications").WithTags("Join").RequireAuthorization(MemberAuthentication.PhoneVerifiedPolicy);
        mine.MapGet("/", (HttpContext http, JoinQueries queries, CancellationToken ct) => queries.MineAsync(PhoneOf(http.User).Hash, ct))
            .WithSummary("My applications to join, with their status and any reason");
        mine.MapPost("/", async (JoinForm form, HttpContext http, SubmitJoinApplication submit, JoinQueries queries, CancellationToken ct) =>
        {
            var phone = PhoneOf(http.User);
            var application = await submit.ExecuteAsync(phone, form, ct);
            return TypedResults.Created($"/api/join/applications/{application.Id}", (await queries.MineAsync(phone.Hash, ct)).First(a => a.Id == application.Id));
        }).WithSummary("Apply to join a union (the registry's checks; one open application per person)");
        mine.MapPost("/{id:guid}/withdraw", async (Guid id, DecisionRequest request, HttpContext http, WithdrawJoinApplication withdraw, CancellationToken ct) =>
        {
            await withdraw.ExecuteAsync(PhoneOf(http.User).Hash, id, request.Version, ct);
            return TypedResults.NoContent();
        }).WithSummary("Withdraw a waiting application");

        var notices = app.MapGroup("/api/me/notices").WithTags("Join").RequireAuthorization(MemberAuthentication.PhoneVerifiedPolicy);
        notices.MapGet("/", async (HttpContext http, Platform.Notices.NoticeBoard board, CancellationToken ct) =>
        {
            var hash = PhoneOf(http.User).Hash;
            return new { unread = await board.UnreadCountAsync(hash, ct), notices = await board.ForAsync(hash, ct) };
        }).WithSummary("My in-app notices (decisions on my applications and transfers), newest first");
        notices.MapPost("/read", async (HttpContext http, Platform.Notices.NoticeBoard board, CancellationToken ct) =>
            new { marked = await board.MarkAllReadAsync(PhoneOf(http.User).Hash, ct) }).WithSummary("Mark all my notices read");

        var queue = app.MapGroup("/api/members/applications").WithTags("Join").RequireAuthorization(MemberPermissions.Manage);
        queue.MapGet("/", (JoinQueries queries, CancellationToken ct) => queries.QueueAsync(ct)).WithSummary("Applications waiting in your subtree, oldest first");
        queue.MapPost("/{id:guid}/approve", async (Guid id, DecisionRequest request, ApproveJoinApplication approve, CancellationToken ct) =>
            new { memberId = await approve.ExecuteAsync(id, request.Version, ct) })
            .WithSummary("Approve: the member record and card are created and the applicant is told by SMS");
        queue.MapPost("/{id:guid}/reject", async (Guid id, DecisionRequest request, RejectJoinApplication reject, CancellationToken ct) =>
        {
            await reject.ExecuteAsync(id, request.Version, request.Reason, ct);
            return TypedResults.NoContent();
        }).WithSummary("Reject with a reason, which the applicant sees and receives by SMS");
    }
}