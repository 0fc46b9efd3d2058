using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

using WorkersHome.Modules.Merchants.Manage;
using WorkersHome.Modules.Merchants.Till;

namespace WorkersHome.Modules.Merchants;

public sealed record TillSignInRequest(string? UserName, string? Password);

public sealed record TillCheckRequest(string? Token);

public sealed record RedeemRequest(string? Token, long OfferId, decimal SaleAmount);

internal static class MerchantsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var manage = app.MapGroup("/api/merchants").WithTags("Merchants").RequireAuthorization(MerchantPermissions.Manage);
        manage.MapGet("/", (MerchantQueries q, CancellationToken ct) => q.ListAsync(ct)).WithSummary("Partner merchants onboarded in your subtree");
        manage.MapGet("/{id:long}", (long id, MerchantQueries q, CancellationToken ct) => q.GetAsync(id, ct));
        manage.MapPost("/", async (MerchantInput input, OnboardMerchant onboard, MerchantQueries q, CancellationToken ct) =>
        {
            var merchant = await onboard.ExecuteAsync(input, ct);
            return TypedResults.Created($"/api/merchants/{merchant.Id}", await q.GetAsync(merchant.Id, ct));
        }).WithSummary("Onboard a merchant (name, credit code, category, address with coordinates)");
        manage.MapPost("/{id:long}/offers", async (long id, OfferInput input, AddOffer addOffer, MerchantQueries q, CancellationToken ct) =>
        {
            await addOffer.ExecuteAsync(id, input, ct);
            return await q.GetAsync(id, ct);
        }).WithSummary("Add an offer: percentage or amount off, validity, once per member per day/month/ever");
        manage.MapPost("/{id:long}/staff", async (long id, StaffInput input, AddMerchantStaff addStaff, MerchantQueries q, CancellationToken ct) =>
        {
            await addStaff.ExecuteAsync(id, input, ct);
            return await q.GetAsync(id, ct);
        }).WithSummary("Add a till account for the merchant's staff");

        manage.MapGet("/statements", (StatementPeriod? period, DateOnly? from, DateOnly? to, MerchantStatements statements, CancellationToken ct) =>
            statements.BuildAsync(period ?? StatementPeriod.Day, from, to, null, ct))
            .WithSummary("Sales with member discounts per merchant of your subtree, per day or month (China business days)");
        manage.MapGet("/statements.xlsx", async (StatementPeriod? period, DateOnly? from, DateOnly? to, MerchantStatements statements, CancellationToken ct) =>
            TypedResults.File(MerchantStatements.Xlsx(await statements.BuildAsync(period ?? StatementPeriod.Day, from, to, null, ct)),
                MerchantStatements.XlsxType, "普惠商户对账单.xlsx"))
            .Produces(StatusCodes.Status200OK, contentType: MerchantStatements.XlsxType);

        app.MapGet("/api/directory/merchants", (MerchantCategory? category, string? q, double? lat, double? lng, MerchantDirectory directory, CancellationToken ct) =>
            directory.SearchAsync(category, q, lat, lng, ct))
            .AllowAnonymous().WithTags("Merchants").WithSummary("Public directory: partner merchants with offers valid today; nearest first with lat/lng");

        var till = app.MapGroup("/api/till").WithTags("Till");
        till.MapPost("/sign-in", async Task<Results<NoContent, ProblemHttpResult>> (TillSignInRequest request, TillSignIn signIn, HttpContext http, CancellationToken ct) =>
        {
            var principal = await signIn.SignInAsync(request.UserName, request.Password, ct);
            if (principal is null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
                    title: Platform.Localization.Loc.T("用户名或密码错误，或账号已锁定", "Wrong user name or password, or the account is locked"));
            }

            await http.SignInAsync(TillAuthentication.Scheme, principal);
            return TypedResults.NoContent();
        }).AllowAnonymous().WithSummary("Sign a till in (sets the till cookie)");
        till.MapPost("/check", async (TillCheckRequest request, CheckCardAtTill check, HttpContext http, CancellationToken ct) =>
            await check.ExecuteAsync(TillAuthentication.Of(http.User).MerchantId, request.Token, ct))
            .RequireAuthorization(TillAuthentication.Policy).WithSummary("Check a shown card code: valid or why not, the member (masked) and the offers usable here now");
        till.MapPost("/redemptions", async (RedeemRequest request, RecordRedemption record, HttpContext http, CancellationToken ct) =>
        {
            var (staffId, merchantId) = TillAuthentication.Of(http.User);
            return await record.ExecuteAsync(staffId, merchantId, request.Token, request.OfferId, request.SaleAmount, ct);
        }).RequireAuthorization(TillAuthentication.Policy).WithSummary("Record a redemption (a sale with a member discount): once per shown code, whatever the retries");
        till.MapGet("/offers", (MerchantQueries q, HttpContext http, CancellationToken ct) => q.TillOffersAsync(TillAuthentication.Of(http.User).MerchantId, ct))
            .RequireAuthorization(TillAuthentication.Policy).WithSummary("This merchant's active offers with their dates, for the till's offline cache");
        till.MapPost("/redemptions/sync", async (List<OfflineRedemption> redemptions, SyncOfflineRedemptions sync, HttpContext http, CancellationToken ct) =>
        {
            var (staffId, merchantId) = TillAuthentication.Of(http.User);
            return await sync.ExecuteAsync(staffId, merchantId, redemptions, ct);
        }).RequireAuthorization(TillAuthentication.Policy)
            .WithSummary("Redemptions recorded offline (up to 24 hours), checked as of when they were made; each recorded once however often synced");
        till.MapGet("/statement", (StatementPeriod? period, DateOnly? from, DateOnly? to, MerchantStatements statements, HttpContext http, CancellationToken ct) =>
            statements.BuildAsync(period ?? StatementPeriod.Day, from, to, TillAuthentication.Of(http.User).MerchantId, ct))
            .RequireAuthorization(TillAuthentication.Policy).WithSummary("This merchant's sales per day or month");
    }
}