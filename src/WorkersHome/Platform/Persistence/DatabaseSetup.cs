using Microsoft.EntityFrameworkCore;

namespace WorkersHome.Platform.Persistence;

public static class DatabaseSetup
{
    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        // Options built once: they depend on configuration only, and building them per request (parsing the
        // connection string, comparing provider options) cost every request measurably.
        services.AddDbContext<AppDbContext>((sp, o) =>
        {
            var connectionString = ConnectionString(sp.GetRequiredService<IConfiguration>());
            Configure(o, connectionString, DatabaseOptions.DetectProvider(connectionString));
            // None in the product itself; a host that composes the app (the benchmark's baseline) may add its own.
            if (sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>().ToList() is { Count: > 0 } interceptors)
            {
                o.AddInterceptors(interceptors);
            }
        }, ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        services.AddSingleton<DirectSql>();
        services.AddScoped<OrgOwnership.OrgOwnedRows>();
        return services;
    }

    public static string ConnectionString(IConfiguration config) =>
        config.GetConnectionString("Default") ?? DatabaseOptions.DefaultSqlite;

    public static void Configure(DbContextOptionsBuilder options, string connectionString, DatabaseProvider provider)
    {
        // A unique key that the code catches and answers (a double tap at the till, an application sent twice) is a
        // handled conflict, not a fault, yet EF Core logs every failed command and save at Error. Those two events go
        // to Information; a failure nobody handles is still logged at Error by whoever meets it last (the exception
        // handler for requests, each background loop for its own work).
        options.ConfigureWarnings(w => w.Log(
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Information),
            (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, LogLevel.Information)));
        if (provider == DatabaseProvider.PostgreSql)
        {
            options.UseNpgsql(Tuned(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations", "platform"));
        }
        else
        {
            var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            // Schemas name module boundaries on PostgreSQL; SQLite has one namespace and says so per table.
            options.UseSqlite(connectionString)
                .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.SqliteEventId.SchemaConfiguredWarning));
        }
    }

    /// <summary>
    /// Npgsql settings the app's own use of connections allows, unless the operator's connection string says otherwise:
    /// the app leaves no session state behind (no SET, no session locks, no temporary tables), so a pooled
    /// connection needs no reset when it is returned; and the same few statements run all day, so prepared once
    /// per connection they skip PostgreSQL's parser. Both cost most on the busiest paths (tills, lookups).
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// PostgreSQL gets versioned migrations; embedded SQLite is created from the model (docs/adr/0001).
    /// </summary>
    public static async Task PrepareAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            await db.Database.MigrateAsync(ct);
            return;
        }

        // SQLite is created from the model, so a file made by an older build lacks newer tables. The model's
        // fingerprint goes in user_version at creation; a file with another one is named and refused, not half-used.
        var fingerprint = SchemaFingerprint(db);
        if (!await db.Database.EnsureCreatedAsync(ct))
        {
            var stored = await db.Database.SqlQueryRaw<int>("SELECT user_version AS \"Value\" FROM pragma_user_version").SingleAsync(ct);
            if (stored != fingerprint)
            {
                var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
                throw new InvalidOperationException(
                    $"The embedded database {Path.GetFullPath(file)} was created by another version of WorkersHome and lacks parts of " +
                    "this version's schema. Delete it (and its -wal/-shm files) to start again with a fresh demo, or run on PostgreSQL, " +
                    "which upgrades by migrations.");
            }
        }
        else
        {
            // PRAGMA takes no parameters; the value is a number this method computed.
            var pragma = "PRAGMA user_version = " + fingerprint.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";";
            await db.Database.ExecuteSqlRawAsync(pragma, ct);
        }

        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    private static int SchemaFingerprint(AppDbContext db) =>
        Math.Abs(BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(db.Database.GenerateCreateScript())))) | 1;

    public static async Task<bool> IsCurrentAsync(AppDbContext db, CancellationToken ct)
    {
        if (!await db.Database.CanConnectAsync(ct))
        {
            return false;
        }

        return !db.IsPostgres || !(await db.Database.GetPendingMigrationsAsync(ct)).Any();
    }
}