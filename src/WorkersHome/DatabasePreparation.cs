using Microsoft.AspNetCore.Identity;

using WorkersHome.Demo;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome;

/// <summary>Before the app serves: the card-signing keys are there, and the schema and the roles are in place.</summary>
internal static class DatabasePreparation
{
    public static async Task PrepareAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        // Refuse to start without card-signing keys, naming the setting, rather than fail at the first card page.
        scope.ServiceProvider.GetRequiredService<Modules.Cards.Tokens.CardKeyRing>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Without migrate-on-start the app touches no database until asked (the `db migrate` command prepares it).
        if (!db.IsPostgres || app.Configuration.GetValue("Database:MigrateOnStart", true))
        {
            await DatabaseSetup.PrepareAsync(db, CancellationToken.None);
            await DemoSeeder.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<CadreRole>>());
        }
    }
}