using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Platform.Security;

namespace WorkersHome.Platform.Ui;

public static class UiSetup
{
    public static IServiceCollection AddUi(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            // Pages are closed unless opened here; each module opens its folders to its permission with
            // AddPageConventions in its XModule.cs. Cadre pages everywhere but /m (members) and /shop (merchants'
            // tills), which carry their own policies.
            o.Conventions.AddFolderApplicationModelConvention("/", model =>
            {
                if (!model.ViewEnginePath.StartsWith("/m/", StringComparison.Ordinal) && !model.ViewEnginePath.StartsWith("/shop/", StringComparison.Ordinal))
                {
                    model.EndpointMetadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(Policies.Cadre));
                }
            });
            o.Conventions.ConfigureFilter(new Files.UploadRejectionFilter());
            o.Conventions.AllowAnonymousToPage("/Index");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToFolder("/SignIn");
            o.Conventions.AllowAnonymousToFolder("/Dev");
        });
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.ModelMetadataDetailsProviders.Add(new Errors.BindingMessages()));
        return services;
    }

    /// <summary>A module's page rules (which folder needs which permission or policy), from its own XModule.cs.</summary>
    /// <remarks>
    /// Post-configured: modules are added before Razor Pages, and conventions added before the framework's own options
    /// setup has given the collection its services are built without endpoint metadata, so they would not apply.
    /// </remarks>
    public static IServiceCollection AddPageConventions(this IServiceCollection services, Action<PageConventionCollection> configure) =>
        services.PostConfigure<RazorPagesOptions>(o => configure(o.Conventions));

    public static WebApplication MapUi(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}