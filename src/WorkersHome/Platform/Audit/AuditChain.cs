using Microsoft.EntityFrameworkCore;

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
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
            }

            var last = await db.AuditEntries.AsNoTracking()
                .OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash })
                .FirstOrDefaultAsync(ct);
            var previousSequence = last?.Sequence ?? 0;
            var previousHash = last?.Hash ?? AuditEntry.GenesisHash;
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
}