using Npgsql;

namespace WorkersHome.Testing;

/// <summary>
/// A database of its own on the shared PostgreSQL server named by WORKERSHOME_TEST_PG,
/// created for one test class and dropped after it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "WORKERSHOME_TEST_PG";

    private TestDatabase(string serverConnection, string name)
    {
        ServerConnection = serverConnection;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnection) { Database = name, Pooling = true }.ConnectionString;
    }

    public string ServerConnection { get; }

    public string Name { get; }

    public string ConnectionString { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set. Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL, or point it at a server.");

    public static async Task<TestDatabase> CreateAsync(string prefix)
    {
        var server = ServerConnectionString;
        var name = $"wh_{prefix}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new TestDatabase(server, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}