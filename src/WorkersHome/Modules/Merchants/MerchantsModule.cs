using Microsoft.AspNetCore.Identity;

using WorkersHome.Modules.Merchants.Manage;
using WorkersHome.Modules.Merchants.Till;
using WorkersHome.Platform.Security;
using WorkersHome.Platform.Ui;

namespace WorkersHome.Modules.Merchants;

public static class MerchantPermissions
{
    public const string Manage = "merchants.manage";
}

public static class MerchantsModule
{
    public static IServiceCollection AddMerchants(this IServiceCollection services, PermissionRegistry permissions)
    {
        permissions.Declare(MerchantPermissions.Manage, "管理普惠商户", "Manage partner merchants", Roles.UnionAdministrator);
        services.AddScoped<IPasswordHasher<MerchantStaff>, PasswordHasher<MerchantStaff>>();
        services.AddScoped<MerchantsInScope>();
        services.AddScoped<OnboardMerchant>();
        services.AddScoped<AddOffer>();
        services.AddScoped<AddMerchantStaff>();
        services.AddScoped<MerchantQueries>();
        services.AddScoped<MerchantStatements>();
        services.AddScoped<MerchantDirectory>();
        services.AddScoped<TillSignIn>();
        services.AddScoped<CheckCardAtTill>();
        services.AddScoped<RecordRedemption>();
        services.AddScoped<SyncOfflineRedemptions>();
        services.AddSingleton<RedemptionsInFlight>();
        services.AddScoped<RedemptionCounting>();
        services.AddScoped<WorkersHome.Platform.Statistics.ITreeCounterSource>(sp => sp.GetRequiredService<RedemptionCounting>());
        services.AddHostedService<RedemptionCounter>();
        // Till staff are neither cadres nor members: their own cookie and policy.
        services.AddAuthentication().AddMerchantCookie();
        services.AddAuthorizationBuilder()
            .AddPolicy(TillAuthentication.Policy, p => p.AddAuthenticationSchemes(TillAuthentication.Scheme).RequireClaim(TillAuthentication.MerchantIdClaim));
        services.AddPageConventions(c => c
            .AuthorizeFolder("/Merchants", MerchantPermissions.Manage)
            .AllowAnonymousToPage("/m/Merchants")
            .AuthorizeFolder("/shop", TillAuthentication.Policy)
            .AllowAnonymousToPage("/shop/Login")
            .AllowAnonymousToPage("/shop/Logout"));
        return services;
    }

    public static IEndpointRouteBuilder MapMerchants(this IEndpointRouteBuilder app)
    {
        MerchantsApi.Map(app);
        return app;
    }
}