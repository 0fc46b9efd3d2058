using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

using Npgsql;

using WorkersHome.Testing;

namespace WorkersHome.Tests.Platform;

/// <summary>
/// PostgreSQL is built by the migrations, embedded SQLite from the model (ADR 0001, 0015): both must describe the same
/// tables and columns, and the migrations must hold every change of the model.
/// </summary>
public sealed class SchemaParityTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "wh-parity-" + Guid.NewGuid().ToString("N"));
    private TestDatabase _pg = null!;
    private AppFactory _onPostgres = null!;
    private AppFactory _onSqlite = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _pg = await TestDatabase.CreateAsync("parity");
        _onPostgres = new AppFactory(_pg.ConnectionString);
        _onSqlite = new AppFactory($"Data Source={Path.Combine(_folder, "parity.db")}");
        // Starting the host prepares the database: migrations on PostgreSQL, the model's schema on SQLite.
        _ = _onPostgres.Services;
        _ = _onSqlite.Services;
    }

    public async Task DisposeAsync()
    {
        await _onPostgres.DisposeAsync();
        await _onSqlite.DisposeAsync();
        SqliteConnection.ClearAllPools();
        await _pg.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_migrations_hold_every_change_of_the_model()
    {
        await using var scope = _onPostgres.WholeTreeScope(out var db);
        db.Database.HasPendingModelChanges().ShouldBeFalse("a model change needs a migration: dotnet ef migrations add <Name>");
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task PostgreSQL_and_SQLite_have_the_same_tables_and_columns()
    {
        var postgres = await PostgresColumnsAsync();
        var sqlite = await SqliteColumnsAsync();
        postgres.Count.ShouldBeGreaterThan(100, "the migrated schema was read");
        postgres.Except(sqlite).Order().ShouldBeEmpty("columns that PostgreSQL has and SQLite lacks");
        sqlite.Except(postgres).Order().ShouldBeEmpty("columns that SQLite has and PostgreSQL lacks");
    }

    private async Task<HashSet<string>> PostgresColumnsAsync()
    {
        await using var connection = new NpgsqlConnection(_pg.ConnectionString);
        await connection.OpenAsync();
        // SQLite has no schemas, so tables are compared by name; the migrations' own history table exists only here, and the
        // job engine's schema ("jobs") is Hangfire's own, kept in memory with SQLite.
        await using var command = new NpgsqlCommand("""
            SELECT table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema NOT IN ('pg_catalog', 'information_schema', 'public', 'jobs') AND table_name <> '__ef_migrations'
            """, connection);
        return await ReadAllAsync(await command.ExecuteReaderAsync());
    }

    private async Task<HashSet<string>> SqliteColumnsAsync()
    {
        await using var scope = _onSqlite.WholeTreeScope(out var db);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT m.name || '.' || c.name FROM sqlite_master m JOIN pragma_table_info(m.name) c
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
            """;
        return await ReadAllAsync(await command.ExecuteReaderAsync());
    }

    private static async Task<HashSet<string>> ReadAllAsync(System.Data.Common.DbDataReader reader)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using (reader)
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        return names;
    }
}