using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;

using WorkersHome.Demo;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome;

/// <summary>Start-up work: the schema, the roles, and on an empty database with Demo:Seed the demo tree.</summary>
internal static class Startup
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
        if (app.Configuration.GetValue("Demo:Seed", false))
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            var seeded = await seeder.SeedIfEmptyAsync(CancellationToken.None);
            var units = await seeder.CountUnitsAsync(CancellationToken.None);
            var logins = await seeder.LoginsWithOrgsAsync(CancellationToken.None);
            app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, seeded, units, logins));
        }
    }

    private static void PrintBanner(WebApplication app, bool seededNow, int units, IReadOnlyList<(DemoLogin Login, string OrgName)> logins)
    {
        var urls = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var lines = new List<string>
        {
            "",
            "==================== 网上职工之家 WorkersHome ====================",
            $"  Open:      {string.Join("  ", urls)}",
            $"  Demo data: 河南省 (Henan) union tree, {units:N0} units{(seededNow ? " (seeded now)" : "")}",
            seededNow
                ? $"  Members:   {DemoSeeder.Members:N0} synthetic members are being imported in the background (会员 → 批量导入 shows the progress);\n" +
                  $"             when it is done, {DemoHardship.HouseholdCount} households of 中原区 join the hardship archive (困难帮扶) and the county's members get their cards"
                : "  Members:   synthetic members from the first start",
            $"  Password for every demo login: {DemoSeeder.Password}",
            "  Logins (administrators enrol an authenticator app at first sign-in):",
        };
        lines.AddRange(logins.Select(x =>
            $"    {x.Login.UserName,-20} {Roles.Label(x.Login.Role).Zh,-8} {x.OrgName}{(x.Login.NeedsTwoFactor ? "  [2FA]" : "")}"));
        var (name, phone, _) = Demo.DemoMembers.KnownMember;
        lines.Add($"  Member pages on a phone: /m/Login with {phone}, then the SMS code from /Dev/Sms; first time confirm");
        lines.Add($"    name {name} and ID number {Demo.DemoMembers.KnownMemberIdNumber("410102")}");
        lines.Add($"  Merchant till on a phone: /shop/Login as {Demo.DemoMerchants.TillUser} (same password); 普惠商户 lists the demo merchants");
        lines.Add("==================================================================");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}