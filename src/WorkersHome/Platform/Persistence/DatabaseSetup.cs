using Microsoft.EntityFrameworkCore;

namespace WorkersHome.Platform.Persistence;

public static class DatabaseSetup
{
    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        services.AddDbContext<AppDbContext>((sp, o) =>
        {
            var connectionString = ConnectionString(sp.GetRequiredService<IConfiguration>());
            Configure(o, connectionString, DatabaseOptions.DetectProvider(connectionString));
        });
        return services;
    }

    public static string ConnectionString(IConfiguration config) =>
        config.GetConnectionString("Default") ?? DatabaseOptions.DefaultSqlite;

    public static void Configure(DbContextOptionsBuilder options, string connectionString, DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations", "platform"));
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
    /// PostgreSQL gets versioned migrations; embedded SQLite is created from the model (docs/adr/0001).
    /// </summary>
    public static async Task PrepareAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            await db.Database.MigrateAsync(ct);
            return;
        }

        await db.Database.EnsureCreatedAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    public static async Task<bool> IsCurrentAsync(AppDbContext db, CancellationToken ct)
    {
        if (!await db.Database.CanConnectAsync(ct))
        {
            return false;
        }

        return !db.IsPostgres || !(await db.Database.GetPendingMigrationsAsync(ct)).Any();
    }
}