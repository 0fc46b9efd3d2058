using Npgsql;

namespace WorkersHome.Platform.Persistence;

/// <summary>
/// Plain Npgsql commands for the few statements a till runs at every sale (docs/adr/0010). Setting up a context for
/// a request (its scoped services, its connection) and running a LINQ query through it cost the app more than such a
/// one-row statement costs PostgreSQL; these skip both. The connection string is the contexts' own, so the
/// connections come from the same Npgsql pool with the same settings (no reset, statements prepared once).
/// A command runs on a connection of its own, outside any unit of work a context has open: it sees committed data only.
/// On SQLite (the embedded setup) there is none: <see cref="IsAvailable"/> is false and callers use their context.
/// </summary>
public sealed class DirectSql(IConfiguration configuration, IEnumerable<IDirectSqlObserver> observers)
{
    private readonly IDirectSqlObserver[] _observers = [.. observers];

    // Read when first used, like the contexts' options, so that hosts and test factories can still override the setting.
    private readonly Lazy<string?> _connectionString = new(() =>
    {
        var connectionString = DatabaseSetup.ConnectionString(configuration);
        return DatabaseOptions.DetectProvider(connectionString) == DatabaseProvider.PostgreSql ? DatabaseSetup.Tuned(connectionString) : null;
    });

    public bool IsAvailable => _connectionString.Value is not null;

    /// <summary>An open connection from the pool; disposing it returns it.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(_connectionString.Value
            ?? throw new InvalidOperationException("Direct SQL needs PostgreSQL; check DirectSql.IsAvailable first."));
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="sql"/> with positional parameters ($1, $2 …); its first row's first value, or null without a row.</summary>
    public async Task<object?> ScalarAsync(string sql, CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        Observe(command);
        return await command.ExecuteScalarAsync(ct);
    }

    /// <summary>Runs <paramref name="sql"/> with positional parameters ($1, $2 …) and reads its first row, or returns null.</summary>
    public async Task<T?> FirstOrDefaultAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct, params NpgsqlParameter[] parameters)
        where T : class
    {
        await using var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        Observe(command);
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SingleRow, ct);
        return await reader.ReadAsync(ct) ? read(reader) : null;
    }

    private void Observe(NpgsqlCommand command)
    {
        foreach (var observer in _observers)
        {
            observer.Executing(command);
        }
    }
}

/// <summary>
/// Sees each statement <see cref="DirectSql"/> is about to run, as EF's command interceptors see the contexts' (the
/// benchmark records both to replay the same work on the database alone). None is registered in the app.
/// </summary>
public interface IDirectSqlObserver
{
    void Executing(NpgsqlCommand command);
}