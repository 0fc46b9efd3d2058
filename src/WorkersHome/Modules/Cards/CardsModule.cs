using WorkersHome.Modules.Cards.Issue;
using WorkersHome.Modules.Cards.Tokens;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Cards;

public static class CardPermissions
{
    public const string Manage = "cards.manage";
}

public static class CardsModule
{
    public static IServiceCollection AddCards(this IServiceCollection services, PermissionRegistry permissions)
    {
        permissions.Declare(CardPermissions.Manage, "管理会员卡", "Manage member cards", Roles.UnionAdministrator, Roles.MemberOfficer);
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Cards").Get<CardOptions>() ?? new CardOptions());
        services.AddSingleton(sp => new CardKeyRing(sp.GetRequiredService<CardOptions>()));
        services.AddSingleton<CardTokenIssuer>();
        services.AddSingleton<CardTokenVerifier>();
        services.AddSingleton<CardRevocations>();
        services.AddScoped<CardBook>();
        services.AddScoped<IssueCard>();
        services.AddScoped<IssueCardBatch>();
        services.AddScoped<ApplyCardAction>();
        services.AddScoped<CancelCardsForEndedMembership>();
        services.AddScoped<BankCardLinks>();
        services.AddScoped<CardQueries>();
        services.AddScoped<Browse.CardFigures>();
        services.AddScoped<Browse.CardListQueries>();
        services.AddScoped<IssueMissingCards>();
        services.AddScoped<Contracts.ICardChecker, CardChecker>();
        services.AddScoped<Contracts.ICardIssuer, CardIssuer>();
        services.AddScoped<Contracts.ILinkedBankAccounts, LinkedBankAccounts>();
        services.AddScoped<IMembershipFollower, CardsMembershipFollower>();
        return services;
    }

    public static IEndpointRouteBuilder MapCards(this IEndpointRouteBuilder app)
    {
        CardsApi.Map(app);
        return app;
    }
}