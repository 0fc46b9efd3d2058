using Microsoft.AspNetCore.Identity;

using WorkersHome.Demo;
using WorkersHome.Modules.Organizations;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome;

/// <summary>Operator commands: `dotnet run --project src/WorkersHome -- &lt;command&gt;`.</summary>
internal static class Commands
{
    private static readonly string[] Known = ["db", "audit", "rollups", "admin", "keys", "cards", "help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Known.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        db.UseWholeTree();
        switch (string.Join(' ', args.Take(2)))
        {
            case "db migrate":
                await DatabaseSetup.PrepareAsync(db, CancellationToken.None);
                await DemoSeeder.EnsureRolesAsync(services.GetRequiredService<RoleManager<CadreRole>>());
                Console.WriteLine("Database schema is current.");
                return 0;
            case "audit verify":
                return await AuditCommands.VerifyAsync(services, args);
            case "audit seal":
                Console.WriteLine($"{await services.GetRequiredService<AuditSealer>().SealAllAsync(CancellationToken.None)} audit rows sealed into the chain.");
                return 0;
            case "audit checkpoint":
                return await AuditCommands.CheckpointAsync(services);
            case "audit new-key":
                Console.WriteLine(AuditCheckpointKey.NewPrivateKey());
                return 0;
            case "rollups rebuild":
                var differences = await services.GetRequiredService<OrgRollups>().RebuildAsync(CancellationToken.None);
                var memberDifferences = await services.GetRequiredService<Modules.Members.Statistics.MemberStatsQueries>().RebuildAsync(CancellationToken.None);
                Console.WriteLine($"Rollups rebuilt; {differences} org rows and {memberDifferences} member-statistics rows differed from a full recount.");
                return 0;
            case "keys rotate":
                var rotation = await services.GetRequiredService<Modules.Members.RotateKeys>()
                    .ExecuteAsync(done => Console.WriteLine($"  {done} records re-encrypted so far"));
                Console.WriteLine($"Personal data now under the active key: {rotation.Rewritten} records re-encrypted, " +
                    $"{rotation.Skipped} changed meanwhile (run again to take them).");
                return 0;
            case "admin create":
                return await CreateAdminAsync(services, args);
            case "cards new-key":
                Console.WriteLine(Modules.Cards.Tokens.CardKeyRing.NewPrivateKey());
                return 0;
            default:
                Console.WriteLine("""
                    Commands:
                      db migrate                  apply migrations (PostgreSQL) or create the schema (SQLite)
                      audit verify [--checkpoints <file>]
                                                  check the audit trail's hash chain and the signed checkpoints
                                                  (default: Audit:Checkpoint:File); reports the first tampered row
                      audit seal                  link every committed, unsealed audit row into the chain now
                      audit checkpoint            seal, then write and send a signed checkpoint of the chain's end now
                      audit new-key               print a new checkpoint signing key (base64 PKCS#8, ECDSA P-256) for
                                                  Audit:Checkpoint:SigningKey
                      rollups rebuild             recount subtree statistics and report differences
                      keys rotate                 re-encrypt ID numbers and phones under Privacy:ActiveKeyId, in batches, online
                      cards new-key               print a new card-token signing key (base64 PKCS#8, ECDSA P-256) for
                                                  Cards:SigningKeys:<id>; publish it by adding it, sign with it via
                                                  Cards:ActiveSigningKeyId
                      admin create <user> <password> <org-code>
                                                  create a system administrator (enrols 2FA at first sign-in)
                    """);
                return args[0] == "help" ? 0 : 2;
        }
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args)
    {
        if (args.Length < 5)
        {
            Console.Error.WriteLine("usage: admin create <user> <password> <org-code>");
            return 2;
        }

        var db = services.GetRequiredService<AppDbContext>();
        var org = db.OrgUnits.FirstOrDefault(o => o.Code == args[4]);
        if (org is null)
        {
            Console.Error.WriteLine($"No org with code {args[4]}.");
            return 1;
        }

        await DemoSeeder.EnsureRolesAsync(services.GetRequiredService<RoleManager<CadreRole>>());
        var users = services.GetRequiredService<UserManager<CadreUser>>();
        var user = new CadreUser { Id = Guid.NewGuid(), UserName = args[2], DisplayName = args[2], OrgId = org.Id, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, args[3]);
        if (!created.Succeeded)
        {
            Console.Error.WriteLine(string.Join("; ", created.Errors.Select(e => e.Description)));
            return 1;
        }

        await users.AddToRoleAsync(user, Roles.SystemAdministrator);
        await services.GetRequiredService<AuditTrail>().RecordNowAsync(AuditActions.AccountCreated, "account", user.Id.ToString(),
            org.Path, new { user.UserName, roles = new[] { Roles.SystemAdministrator }, via = "command" });
        Console.WriteLine($"System administrator {user.UserName} created at {org.Name}.");
        return 0;
    }
}