using WorkersHome.Modules.Organizations.BrowseTree;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Modules.Organizations.ManageUnions;
using WorkersHome.Modules.Organizations.Seeding;
using WorkersHome.Platform.Security;
using WorkersHome.Platform.Ui;

namespace WorkersHome.Modules.Organizations;

public static class OrgPermissions
{
    public const string View = "org.view";
    public const string Manage = "org.manage";
}

public static class OrganizationsModule
{
    public static IServiceCollection AddOrganizations(this IServiceCollection services, PermissionRegistry permissions)
    {
        permissions
            .Declare(OrgPermissions.View, "查看组织树", "View the organisation tree",
                Roles.SystemAdministrator, Roles.UnionAdministrator, Roles.MemberOfficer, Roles.Auditor)
            .Declare(OrgPermissions.Manage, "管理基层工会", "Manage grassroots unions",
                Roles.SystemAdministrator, Roles.UnionAdministrator);
        services.AddSingleton<OrgPathIndex>();
        services.AddSingleton<OrgPathIndexSync>();
        services.AddHostedService<OrgPathIndexService>();
        services.AddScoped<IOrgTreeChangeHandler, TreeCountersFollower>();
        services.AddScoped<OrgTreeQueries>();
        services.AddScoped<Platform.Security.ICadreOrgLookup, BrowseTree.CadreOrgLookup>();
        services.AddScoped<IOrgDirectory>(sp => sp.GetRequiredService<OrgTreeQueries>());
        services.AddScoped<OrgRollups>();
        services.AddScoped<IOrgNodes, OrgNodes>();
        services.AddScoped<BrowseTree.ServiceFiguresQueries>();
        services.AddScoped<IOrgRollupWriter>(sp => sp.GetRequiredService<OrgRollups>());
        services.AddScoped<OrgChangeLog>();
        services.AddScoped<CreateUnion>();
        services.AddScoped<EditUnion>();
        services.AddScoped<MoveUnit>();
        services.AddScoped<MergeUnions>();
        services.AddScoped<DissolveUnion>();
        services.AddScoped<TreeLoader>();
        services.AddPageConventions(c => c.AuthorizeFolder("/Organizations", OrgPermissions.View));
        return services;
    }

    public static IEndpointRouteBuilder MapOrganizations(this IEndpointRouteBuilder app)
    {
        OrganizationsApi.Map(app);
        return app;
    }
}