using WorkersHome.Demo;
using WorkersHome.Modules.Accounts;
using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Cards;
using WorkersHome.Modules.Members;
using WorkersHome.Modules.Merchants;
using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Rights;
using WorkersHome.Platform;
using WorkersHome.Platform.Security;
using WorkersHome.Platform.Ui;

namespace WorkersHome;

/// <summary>The application's composition, shared by the web host, its commands and the benchmark console.</summary>
public static class WorkersHomeApp
{
    /// <param name="hostServices">Services of the host that composes the app (the benchmark console), added last.</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? hostServices = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders().AddJsonConsole(o => o.IncludeScopes = false);

        var permissions = new PermissionRegistry();
        builder.Services
            .AddPlatform()
            .AddOrganizations(permissions)
            .AddAccounts(permissions)
            .AddMembers(permissions)
            .AddCards(permissions)
            .AddAssistance(permissions)
            .AddMerchants(permissions)
            .AddRights(permissions)
            .AddSecurity(permissions)
            .AddUi()
            .AddDemo();
        hostServices?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Prepares the database and maps the whole request pipeline: what `Program` runs, and the HTTP benchmarks too.</summary>
    public static async Task PrepareAndMapAsync(WebApplication app)
    {
        await DatabasePreparation.PrepareAsync(app);
        await DemoSetup.SeedIfAskedAsync(app);
        app.UsePlatform();
        app.MapOrganizations();
        app.MapAccounts();
        app.MapMembers();
        app.MapCards();
        app.MapAssistance();
        app.MapMerchants();
        app.MapRights();
        app.MapUi();
    }
}