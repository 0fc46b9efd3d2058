using WorkersHome.Modules.Accounts;
using WorkersHome.Modules.Organizations;
using WorkersHome.Platform.Security;

namespace WorkersHome.Platform.Ui;

public static class UiSetup
{
    public static IServiceCollection AddUi(this IServiceCollection services)
    {
        services.AddScoped<Pages.Account.SignInAudit>();
        services.AddRazorPages(o =>
        {
            // Pages are closed unless opened here; each module's folder needs that module's permission.
            // Cadre pages everywhere but /m (members) and /shop (merchants' tills), which carry their own policies.
            o.Conventions.AddFolderApplicationModelConvention("/", model =>
            {
                if (!model.ViewEnginePath.StartsWith("/m/", StringComparison.Ordinal) && !model.ViewEnginePath.StartsWith("/shop/", StringComparison.Ordinal))
                {
                    model.EndpointMetadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(Policies.Cadre));
                }
            });
            o.Conventions.ConfigureFilter(new Files.UploadRejectionFilter());
            o.Conventions.AllowAnonymousToPage("/m/Login");
            o.Conventions.AllowAnonymousToPage("/m/Logout");
            o.Conventions.AllowAnonymousToPage("/m/Index");
            o.Conventions.AllowAnonymousToPage("/m/Merchants");
            o.Conventions.AuthorizeFolder("/shop", Modules.Merchants.Till.TillAuthentication.Policy);
            o.Conventions.AllowAnonymousToPage("/shop/Login");
            o.Conventions.AllowAnonymousToPage("/shop/Logout");
            o.Conventions.AuthorizeFolder("/Merchants", Modules.Merchants.MerchantPermissions.Manage);
            o.Conventions.AllowAnonymousToPage("/Index");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToFolder("/Account");
            o.Conventions.AllowAnonymousToFolder("/Dev");
            o.Conventions.AuthorizeFolder("/Organizations", OrgPermissions.View);
            o.Conventions.AuthorizeFolder("/Accounts", AccountPermissions.Manage);
            o.Conventions.AuthorizeFolder("/Members", Modules.Members.MemberPermissions.View);
            o.Conventions.AuthorizeFolder("/Audit", AccountPermissions.ReadAudit);
            o.Conventions.AuthorizeFolder("/CodeTables", Modules.Members.MemberPermissions.EditCodeTables);
        });
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.ModelMetadataDetailsProviders.Add(new Errors.BindingMessages()));
        return services;
    }

    public static WebApplication MapUi(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}