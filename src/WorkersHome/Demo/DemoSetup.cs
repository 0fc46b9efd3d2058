namespace WorkersHome.Demo;

/// <summary>The demo data's wiring, called from the composition root (Platform knows nothing of it).</summary>
public static class DemoSetup
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoMembers>();
        services.AddScoped<DemoMerchants>();
        services.AddScoped<DemoPrograms>();
        services.AddScoped<DemoCases>();
        services.AddScoped<DemoHardship>();
        services.AddHostedService<DemoHardshipLoop>();
        return services;
    }

    /// <summary>With Demo:Seed, seeds an empty database with the demo tree and prints the banner once the app listens.</summary>
    public static async Task SeedIfAskedAsync(WebApplication app)
    {
        if (!app.Configuration.GetValue("Demo:Seed", false))
        {
            return;
        }

        using var scope = app.Services.CreateScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        var seeded = await seeder.SeedIfEmptyAsync(CancellationToken.None);
        var units = await seeder.CountUnitsAsync(CancellationToken.None);
        var logins = await seeder.LoginsWithOrgsAsync(CancellationToken.None);
        app.Lifetime.ApplicationStarted.Register(() => DemoBanner.Print(app, seeded, units, logins));
    }
}