using WorkersHome.Modules.Accounts.Administer;
using WorkersHome.Platform.Security;
using WorkersHome.Platform.Ui;

namespace WorkersHome.Modules.Accounts;

public static class AccountPermissions
{
    public const string Manage = "accounts.manage";
    public const string ReadAudit = "audit.read";
}

public static class AccountsModule
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, PermissionRegistry permissions)
    {
        permissions
            .Declare(AccountPermissions.Manage, "管理账号与角色", "Manage accounts and roles", Roles.SystemAdministrator, Roles.UnionAdministrator)
            .Declare(AccountPermissions.ReadAudit, "查阅审计日志", "Read the audit trail", Roles.Auditor);
        services.AddScoped<AccountSteps>();
        services.AddScoped<AccountQueries>();
        services.AddScoped<CreateCadreAccount>();
        services.AddScoped<AssignCadreRoles>();
        services.AddScoped<DisableCadreAccount>();
        services.AddScoped<EnableCadreAccount>();
        services.AddScoped<ResetCadrePassword>();
        services.AddScoped<RegisterCadreIdNumber>();
        services.AddScoped<AuditQueries>();
        services.AddPageConventions(c => c
            .AuthorizeFolder("/Accounts", AccountPermissions.Manage)
            .AuthorizeFolder("/Audit", AccountPermissions.ReadAudit));
        return services;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        AccountsApi.Map(app);
        return app;
    }
}