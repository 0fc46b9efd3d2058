using Microsoft.AspNetCore.Identity;

using WorkersHome.Modules.Accounts.Administer;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;
using WorkersHome.Platform.Sms;

namespace WorkersHome.Modules.Accounts;

public sealed record RolesRequest(IReadOnlyList<string> Roles);

public sealed record DisableRequest(bool Disabled);

public sealed record PasswordRequest(string? Password);

public sealed record TokenRequest(string? Name, int? Days);

public sealed record SmsCodeRequest(string? Phone);

public sealed record MeResponse(Guid Id, string UserName, string DisplayName, long OrgId, string OrgName,
    IReadOnlyList<string> Roles, IReadOnlyCollection<string> Permissions);

internal static class AccountsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", (CurrentCadre c) => new MeResponse(c.UserId, c.UserName, c.DisplayName, c.OrgId, c.OrgName, c.Roles, c.Permissions))
            .WithTags("Accounts").RequireAuthorization(Policies.Cadre);

        var accounts = app.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization(AccountPermissions.Manage);
        accounts.MapGet("/", (string? search, int? skip, AccountQueries queries, CancellationToken ct) =>
            queries.ListAsync(search, skip ?? 0, 100, ct));
        accounts.MapGet("/{id:guid}", (Guid id, AccountQueries queries, CancellationToken ct) => queries.GetAsync(id, ct));
        accounts.MapPost("/", async (NewAccount request, CreateCadreAccount create, CancellationToken ct) =>
        {
            var account = await create.ExecuteAsync(request, ct);
            return TypedResults.Created($"/api/accounts/{account.Id}", account);
        });
        accounts.MapPut("/{id:guid}/roles", (Guid id, RolesRequest request, AssignCadreRoles assign, CancellationToken ct) =>
            assign.ExecuteAsync(id, request.Roles, ct));
        accounts.MapPut("/{id:guid}/disabled", (Guid id, DisableRequest request, DisableCadreAccount disable, EnableCadreAccount enable, CancellationToken ct) =>
            request.Disabled ? disable.ExecuteAsync(id, ct) : enable.ExecuteAsync(id, ct));
        accounts.MapPut("/{id:guid}/password", (Guid id, PasswordRequest request, ResetCadrePassword reset, CancellationToken ct) =>
            reset.ExecuteAsync(id, request.Password, ct));

        app.MapGet("/api/audit", (string? action, string? actor, DateOnly? from, DateOnly? to, bool? succeeded, int? skip,
                AuditQueries q, CancellationToken ct) => q.ListAsync(new AuditFilter(action, actor, from, to, succeeded, skip ?? 0), ct))
            .WithTags("Audit").RequireAuthorization(AccountPermissions.ReadAudit);

        app.MapPost("/api/tokens", async (TokenRequest request, AppDbContext db, CurrentCadre cadre, AuditTrail audit,
            TimeProvider clock, CancellationToken ct) =>
        {
            var token = ApiTokenAuthenticationHandler.NewToken();
            var now = clock.GetUtcNow();
            db.ApiTokens.Add(new ApiToken
            {
                UserId = cadre.UserId,
                Name = string.IsNullOrWhiteSpace(request.Name) ? "integration" : request.Name.Trim(),
                TokenHash = ApiTokenAuthenticationHandler.Hash(token),
                CreatedAt = now,
                ExpiresAt = now.AddDays(Math.Clamp(request.Days ?? 90, 1, 365)),
            });
            audit.Record(AuditActions.ApiTokenCreated, "account", cadre.UserId.ToString(), cadre.OrgPath, new { request.Name });
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(new { token, note = "Shown once; send it as 'Authorization: Bearer <token>'." });
        }).WithTags("Accounts").RequireAuthorization(Policies.Cadre).WithSummary("Create a bearer token for an integration acting as you");

        app.MapPost("/api/sms/sign-in-code", async (SmsCodeRequest request, SmsCodeService codes, CancellationToken ct) =>
        {
            await codes.SendCodeAsync(request.Phone, ct);
            return TypedResults.Accepted((string?)null);
        }).WithTags("Members").AllowAnonymous().WithSummary("Send a member a sign-in code by SMS (rate-limited per phone and per IP)");
    }
}