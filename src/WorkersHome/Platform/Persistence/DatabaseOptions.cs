namespace WorkersHome.Platform.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

public sealed class DatabaseOptions
{
    /// <summary>
    /// The connection string decides the provider: "Host=..." is PostgreSQL, "Data Source=..." is SQLite.
    /// </summary>
    public static DatabaseProvider DetectProvider(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        || connectionString.Contains("Server=", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.PostgreSql
            : DatabaseProvider.Sqlite;

    public const string DefaultSqlite = "Data Source=data/workershome.db";
}