using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Platform.Persistence;

namespace WorkersHome.Testing;

/// <summary>Card-token signing keys for tests only (ECDSA P-256, PKCS#8): t1 signs, t2 is for rotation tests.</summary>
public static class TestCardKeys
{
    public const string T1 = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgSPZz/nRl3i/AYyzhvKtOc6UBBkYo79u/FK7XV5EwtiChRANCAAQkYRQwvo/yoRitPVywBAx9N6Ugab7O19TfbGvk7+UnMmcbJfFhVz8mpgJ0W6e79vDcsLUN1WKNSSMcvXgNyloc";
    public const string T2 = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgXYvEWaw0S737dE3BKOEmqjsatS1hTEOHvJOW5K4sR3ehRANCAASddSi+XQyCRT0HlRWGL08nG23ET85JKpD8nni4eZGB1+S5d/Hds5kZuspTofZUXlYdWThIUciF0rImS61XOBPO";
}

/// <summary>The real app, in-process, on the database it is given.</summary>
public sealed class AppFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public static readonly IReadOnlyDictionary<string, string?> TestPrivacyKeys = new Dictionary<string, string?>
    {
        ["Privacy:ActiveKeyId"] = "t1",
        ["Privacy:Keys:t1"] = Convert.ToBase64String("test-only-personal-data-key-0001"u8.ToArray()),
        ["Privacy:HashKey"] = Convert.ToBase64String("test-only-blind-index-key-000001"u8.ToArray()),
        ["Cards:ActiveSigningKeyId"] = "t1",
        ["Cards:SigningKeys:t1"] = TestCardKeys.T1,
    };

    /// <summary>What the app logged, at the levels the settings let through (Warning, unless a test asks for more).</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs));
        // The in-memory test server has no socket; give requests the loopback address a real client would have.
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, LoopbackClientFilter>());
        builder.UseSetting("ConnectionStrings:Default", connectionString);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Outbox:Enabled", "false");
        builder.UseSetting("Transfers:SweepEnabled", "false");
        builder.UseSetting("Assistance:Archive:ReminderEvery", "00:00:00");
        builder.UseSetting("Storage:Path", FilesFolder(connectionString));
        builder.UseSetting("Imports:PollSeconds", "1");
        builder.UseSetting("Audit:Checkpoint:SigningKey", TestCardKeys.T2);
        builder.UseSetting("Audit:Checkpoint:KeyId", "t2");
        builder.UseSetting("Audit:Checkpoint:File", Path.Combine(FilesFolder(connectionString), "audit-checkpoints.jsonl"));
        builder.UseSetting("Audit:Checkpoint:WriteInBackground", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "None");
        foreach (var (key, value) in TestPrivacyKeys)
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// Sealed files (uploads, reports) of one test database, shared by every instance on it as a shared volume
    /// would be; under the folder that scripts/test.sh removes at the end.
    /// </summary>
    public static string FilesFolder(string connectionString) =>
        Path.Combine(Path.GetTempPath(), "workershome-test-files",
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(connectionString)))[..16]);

    /// <summary>A service scope whose context acts for the whole tree, for arranging and checking data.</summary>
    public AsyncServiceScope WholeTreeScope(out AppDbContext db)
    {
        var scope = Services.CreateAsyncScope();
        db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.UseWholeTree();
        return scope;
    }
}

internal sealed class LoopbackClientFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(inner => context =>
        {
            context.Connection.RemoteIpAddress ??= System.Net.IPAddress.Loopback;
            return inner(context);
        });
        next(app);
    };
}