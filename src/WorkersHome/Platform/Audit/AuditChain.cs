using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

using Npgsql;

using WorkersHome.Platform.Persistence;

namespace WorkersHome.Platform.Audit;

/// <summary>
/// Appends audit rows to the hash chain. Appends are serialised (a transaction-scoped advisory lock
/// on PostgreSQL, a process lock on embedded SQLite) so that each row links to exactly one
/// predecessor, and the rows commit in the same transaction as the change they describe.
/// </summary>
internal static class AuditChain
{
    private const long AdvisoryLockKey = 0x5748_4155_4449_54; // "WHAUDIT"
    private static readonly SemaphoreSlim SqliteAppendLock = new(1, 1);

    public static async Task<int> SealAndSaveAsync(
        AppDbContext db, IReadOnlyList<AuditEntry> unsealed, Func<CancellationToken, Task<int>> save, CancellationToken ct)
    {
        var postgres = db.IsPostgres;
        if (!postgres)
        {
            await SqliteAppendLock.WaitAsync(ct);
        }

        try
        {
            var ownTransaction = db.Database.CurrentTransaction is null;
            await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
            var (previousSequence, previousHash) = postgres ? await LockAndReadLastAsync(db, ct) : await ReadLastAsync(db, ct);
            foreach (var entry in unsealed)
            {
                entry.Sequence = ++previousSequence;
                entry.At = AuditEntry.TruncateToMicroseconds(entry.At);
                entry.PreviousHash = previousHash;
                entry.Hash = entry.ComputeHash();
                previousHash = entry.Hash;
            }

            var written = await save(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }

            return written;
        }
        catch
        {
            foreach (var entry in unsealed)
            {
                entry.Hash = "";
            }

            throw;
        }
        finally
        {
            if (!postgres)
            {
                SqliteAppendLock.Release();
            }
        }
    }

    private static async Task<(long Sequence, string Hash)> ReadLastAsync(AppDbContext db, CancellationToken ct)
    {
        var last = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(ct);
        return last is null ? (0, AuditEntry.GenesisHash) : (last.Sequence, last.Hash);
    }

    /// <summary>
    /// Takes the append lock and reads the chain's last row in one round trip: every append waits for the one before
    /// it to commit, so each round trip saved under the lock is one less for every audited change in the app. Two
    /// statements of one batch: under READ COMMITTED the read takes its snapshot only after the lock is granted, when
    /// the previous holder's rows are committed and visible (one statement doing both would read a snapshot taken before
    /// it waited).
    /// </summary>
    private static async Task<(long Sequence, string Hash)> LockAndReadLastAsync(AppDbContext db, CancellationToken ct)
    {
        var entries = db.Model.FindEntityType(typeof(AuditEntry))!;
        var table = StoreObjectIdentifier.Table(entries.GetTableName()!, entries.GetSchema());
        var sequence = entries.FindProperty(nameof(AuditEntry.Sequence))!.GetColumnName(table)!;
        var hash = entries.FindProperty(nameof(AuditEntry.Hash))!.GetColumnName(table)!;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction())
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})"),
                new NpgsqlBatchCommand($"SELECT \"{sequence}\", \"{hash}\" FROM \"{table.Schema}\".\"{table.Name}\" ORDER BY \"{sequence}\" DESC LIMIT 1"),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditEntry.GenesisHash);
    }
}