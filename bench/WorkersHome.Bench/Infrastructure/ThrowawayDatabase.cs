using System.Security.Cryptography;

using Npgsql;

namespace WorkersHome.Bench.Infrastructure;

/// <summary>
/// A fresh database on the given server, dropped on dispose (also after a failure or Ctrl+C) unless
/// WORKERSHOME_BENCH_KEEP=1 asks to keep it for inspection with psql (generating ten million members takes minutes).
/// </summary>
internal sealed class ThrowawayDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;

    private ThrowawayDatabase(string name, string adminConnectionString, string connectionString)
    {
        Name = name;
        _adminConnectionString = adminConnectionString;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    /// <summary>The server's connection string pointed at this database; pooling stays as configured.</summary>
    public string ConnectionString { get; }

    /// <summary>A new empty database, or with <paramref name="template"/> a copy of that one (which nobody may be connected to).</summary>
    public static async Task<ThrowawayDatabase> CreateAsync(string serverConnectionString, string prefix, CancellationToken ct, string? template = null)
    {
        var name = $"{prefix}_{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString);
        // Create/drop from the database the caller named (or the standard maintenance one), never from the new one.
        var admin = new NpgsqlConnectionStringBuilder(serverConnectionString)
        {
            Database = string.IsNullOrEmpty(server.Database) ? "postgres" : server.Database,
            Pooling = false,
        };
        var target = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name };
        // template0 with an explicit encoding works even on a server whose default template is SQL_ASCII.
        await ExecuteAsync(admin.ConnectionString, template is null
            ? $"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"
            : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", ct);
        return new ThrowawayDatabase(name, admin.ConnectionString, target.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        // Pooled idle connections would otherwise keep the database busy; FORCE ends any that remain (PostgreSQL 13+).
        NpgsqlConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("WORKERSHOME_BENCH_KEEP") == "1")
        {
            Console.WriteLine($"kept database {Name} (WORKERSHOME_BENCH_KEEP=1); drop it by hand when done");
            return;
        }

        try
        {
            await ExecuteAsync(_adminConnectionString, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", CancellationToken.None);
            Console.WriteLine($"dropped database {Name}");
        }
        catch (NpgsqlException e)
        {
            // Reported rather than thrown, so that it does not hide the error that may have ended the run.
            Console.Error.WriteLine($"Could not drop database {Name}; drop it by hand. {e.Message}");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}