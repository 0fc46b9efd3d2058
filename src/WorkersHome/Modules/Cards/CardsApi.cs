using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Cards.Issue;
using WorkersHome.Modules.Cards.Tokens;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Cards;

public sealed record CardActionRequest(CardAction Action, int Version, string? Reason);

public sealed record VerifyRequest(string? Token);

public sealed record CardFiguresView(IReadOnlyDictionary<CardStatus, long> ByStatus, int CountingMembers, long WithoutCard);

public sealed record VerifyResult(bool Valid, CardVerdict Verdict, string Reason, Guid? CardId, DateTimeOffset? ExpiresAt);

public sealed record CardTokenView(string Token, DateTimeOffset ExpiresAt, int RefreshSeconds);

public sealed record KeySet(IReadOnlyList<CardPublicKey> Keys);

public sealed record RevocationList(DateTimeOffset GeneratedAt, int WindowHours, IReadOnlyList<RevokedCard> Cards);

internal static class CardsApi
{
    public const int RefreshSeconds = 30;

    public static void Map(IEndpointRouteBuilder app)
    {
        // Public: what a merchant's till needs to verify offline, and a verify call for merchant systems.
        var open = app.MapGroup("/api/cards").WithTags("Cards").AllowAnonymous();
        open.MapGet("/keys", (CardKeyRing keys, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return new KeySet(keys.PublicKeys);
        }).WithSummary("Card-token verification keys (JWK set: ES256, P-256)");
        open.MapGet("/revocations", async (CardRevocations revocations, TimeProvider clock, CancellationToken ct) =>
            new RevocationList(clock.GetUtcNow(), (int)CardRevocations.Window.TotalHours, await revocations.CurrentAsync(ct)))
            .WithSummary("Cards revoked in the last 24 hours (longer than any token lives), with their status");
        open.MapPost("/verify", async (VerifyRequest request, CardTokenVerifier verifier, CardRevocations revocations, CancellationToken ct) =>
        {
            await revocations.EnsureFreshAsync(ct);
            var result = verifier.Verify(request.Token ?? "", revocations);
            return new VerifyResult(result.IsValid, result.Verdict, result.Reason.ToString(), result.CardId == Guid.Empty ? null : result.CardId, result.ExpiresAt);
        }).WithSummary("Verify a card's QR token: valid, or why not (malformed, unknown key, wrong signature, expired, frozen, lost, reissued, cancelled)");

        // Cadres: a member's card in their subtree.
        var cadre = app.MapGroup("/api/members/{id:guid}/card").WithTags("Cards").RequireAuthorization(CardPermissions.Manage);
        cadre.MapGet("/", async Task<Results<Ok<CardView>, NotFound>> (Guid id, CardQueries q, CancellationToken ct) =>
            await q.ForMemberAsync(id, byMember: false, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound());
        cadre.MapPost("/", async (Guid id, CardQueries q, IssueCard issue, CurrentCadre who, CancellationToken ct) =>
        {
            var card = await issue.ExecuteAsync(await q.MemberAsync(id, byMember: false, ct), who.UserName, ct);
            return await q.ViewAsync(card, byMember: false, ct);
        }).WithSummary("Issue the member's card (returns the live card if there is one)");
        app.MapPost("/api/cards/{id:guid}/actions", async (Guid id, CardActionRequest request, CardQueries q, ApplyCardAction apply, CurrentCadre who, CancellationToken ct) =>
        {
            var card = await apply.ExecuteAsync(await q.FindAsync(id, null, ct), request.Action, request.Version, request.Reason, who.UserName, byMember: false, ct);
            return await q.ViewAsync(card, byMember: false, ct);
        }).WithTags("Cards").RequireAuthorization(CardPermissions.Manage).WithSummary("Freeze, unfreeze, report lost, reissue or cancel a card (409 on a stale version)");

        // Cadres: the cards of a union's subtree, its figures, and cards for its members who have none.
        var union = app.MapGroup("/api/cards/by-union/{id:long}").WithTags("Cards").RequireAuthorization(CardPermissions.Manage);
        union.MapGet("/", (long id, CardStatus? status, int? page, Browse.CardListQueries q, CancellationToken ct) => q.ListAsync(id, status, page ?? 1, ct))
            .WithSummary("Cards of the union's whole subtree, newest first, 50 a page; filter by status");
        union.MapGet("/figures", async (long id, Browse.CardFigures figures, CancellationToken ct) =>
        {
            var counts = await figures.ForOrgAsync(id, ct);
            return new CardFiguresView(counts.ByStatus, counts.CountingMembers, counts.WithoutCard);
        }).WithSummary("Cards of the subtree by status, and members (active or retained) without a live card");
        union.MapPost("/issue-missing", (long id, IssueMissingCards issue, CurrentCadre who, CancellationToken ct) => issue.ExecuteAsync(id, who.UserName, ct: ct))
            .WithSummary("Issue a card to every member of the subtree who has none (up to 10,000 a call; call again while StillWithout > 0); one card per member whatever the retries");

        app.MapPut("/api/cards/{id:guid}/bank", async (Guid id, BankLinkRequest request, CardQueries q, BankCardLinks links, CurrentCadre who, CancellationToken ct) =>
        {
            var card = await q.FindAsync(id, null, ct);
            await links.LinkAsync(card, request, who.UserName, ct);
            return await q.ViewAsync(card, byMember: false, ct);
        }).WithTags("Cards").RequireAuthorization(CardPermissions.Manage).WithSummary("Link a co-branded bank card (bank from the partner list, 16–19 digit number with check digit)");
        app.MapGet("/api/cards/banks", (BankCardLinks links) => links.Banks).WithTags("Cards").AllowAnonymous().WithSummary("Banks that issue co-branded cards");

        // The signed-in member's own card.
        var me = app.MapGroup("/api/me/card").WithTags("Cards").RequireAuthorization(MemberIdentity.Policy);
        me.MapGet("/", async (HttpContext http, CardQueries q, IssueCard issue, CancellationToken ct) =>
        {
            var memberId = MemberIdentity.MemberIdOf(http.User)!.Value;
            await issue.ExecuteAsync(await q.MemberAsync(memberId, byMember: true, ct), "member", ct);
            return await q.ForMemberAsync(memberId, byMember: true, ct);
        }).WithSummary("My card (issued on first visit)");
        me.MapPost("/token", async (HttpContext http, CardBook book, CardTokenIssuer issuer, CancellationToken ct) =>
        {
            var card = await book.LiveCardAsync(MemberIdentity.MemberIdOf(http.User)!.Value, ct);
            if (card is not { IsUsable: true })
            {
                throw new ConflictException(Platform.Localization.Loc.T("会员卡当前不可用，无法出示二维码", "The card is not usable now; no code can be shown"));
            }

            var (token, expiresAt) = issuer.Issue(card.Id);
            http.Response.Headers.CacheControl = "no-store";
            return new CardTokenView(token, expiresAt, RefreshSeconds);
        }).WithSummary("A fresh QR token for my card (valid one minute)");
        me.MapPost("/actions", async (HttpContext http, CardActionRequest request, CardQueries q, CardBook book, ApplyCardAction apply, CancellationToken ct) =>
        {
            var memberId = MemberIdentity.MemberIdOf(http.User)!.Value;
            var card = await book.LiveCardAsync(memberId, ct) ?? throw new NotFoundException();
            await apply.ExecuteAsync(card, request.Action, request.Version, request.Reason, "member", byMember: true, ct);
            return await q.ForMemberAsync(memberId, byMember: true, ct);
        }).WithSummary("Report my card lost, or reissue it");
        me.MapPut("/bank", async (HttpContext http, BankLinkRequest request, CardQueries q, CardBook book, BankCardLinks links, CancellationToken ct) =>
        {
            var memberId = MemberIdentity.MemberIdOf(http.User)!.Value;
            await links.LinkAsync(await book.LiveCardAsync(memberId, ct) ?? throw new NotFoundException(), request, "member", ct);
            return await q.ForMemberAsync(memberId, byMember: true, ct);
        }).WithSummary("Link my co-branded bank card");
        me.MapDelete("/bank", async (HttpContext http, int version, CardQueries q, CardBook book, BankCardLinks links, CancellationToken ct) =>
        {
            var memberId = MemberIdentity.MemberIdOf(http.User)!.Value;
            await links.UnlinkAsync(await book.LiveCardAsync(memberId, ct) ?? throw new NotFoundException(), version, "member", ct);
            return await q.ForMemberAsync(memberId, byMember: true, ct);
        }).WithSummary("Unlink my co-branded bank card");
    }
}