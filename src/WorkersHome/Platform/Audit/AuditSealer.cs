using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

using Npgsql;

using NpgsqlTypes;

using WorkersHome.Platform.Persistence;

namespace WorkersHome.Platform.Audit;

/// <summary>
/// Links committed, unsealed audit rows into the hash chain, oldest id first, a batch at a time (docs/adr/0016).
/// Writers never wait for it: they only insert their rows. One sealer works at a time across every app instance — on
/// PostgreSQL through a transaction-scoped advisory lock that only sealers take, on embedded SQLite (one process)
/// through a process lock. A transaction that commits after rows with later ids were sealed is sealed in the next
/// pass: the chain's order is the order of sealing, so the ids a rolled-back transaction used leave no gap in it.
/// </summary>
public sealed class AuditSealer(AppDbContext db)
{
    public const int BatchSize = 5_000;

    private const long SealerLockKey = 0x5748_5345_414C; // "WHSEAL"
    private static readonly SemaphoreSlim SqliteLock = new(1, 1);

    /// <summary>Seals every row committed so far, waiting for a sealer of another instance if one is at work.</summary>
    public async Task<long> SealAllAsync(CancellationToken ct)
    {
        long total = 0;
        int done;
        do
        {
            done = await SealBatchAsync(waitForOtherSealer: true, ct);
            total += done;
        }
        while (done == BatchSize);
        return total;
    }

    /// <summary>
    /// Seals up to <see cref="BatchSize"/> rows in one transaction. Without <paramref name="waitForOtherSealer"/> it
    /// gives up at once (returning 0) when another sealer holds the lock: that one is sealing the same rows.
    /// </summary>
    public async Task<int> SealBatchAsync(bool waitForOtherSealer, CancellationToken ct)
    {
        if (!db.IsPostgres)
        {
            if (!await SqliteLock.WaitAsync(waitForOtherSealer ? Timeout.InfiniteTimeSpan : TimeSpan.Zero, ct))
            {
                return 0;
            }

            try
            {
                return await SealUnderLockAsync(ct);
            }
            finally
            {
                SqliteLock.Release();
            }
        }

        return await SealUnderLockAsync(ct, waitForOtherSealer);
    }

    private async Task<int> SealUnderLockAsync(CancellationToken ct, bool? waitForPostgresLock = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Under READ COMMITTED every statement after the lock sees what the previous sealer committed.
        if (waitForPostgresLock is { } wait && !await TakePostgresLockAsync(wait, ct))
        {
            return 0;
        }

        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Sequence != null)
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(ct);
        var pending = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Sequence == null)
            .OrderBy(a => a.Id)
            .Take(BatchSize)
            .ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }

        var (sequence, previousHash) = last is null ? (0L, AuditEntry.GenesisHash) : (last.Sequence!.Value, last.Hash);
        foreach (var entry in pending)
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = previousHash;
            entry.Hash = entry.ComputeHash();
            previousHash = entry.Hash;
        }

        if (db.IsPostgres)
        {
            await WritePostgresAsync(pending, ct);
        }
        else
        {
            foreach (var entry in pending)
            {
                await db.AuditEntries.Where(a => a.Id == entry.Id && a.Sequence == null).ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.Sequence, entry.Sequence)
                    .SetProperty(a => a.PreviousHash, entry.PreviousHash)
                    .SetProperty(a => a.Hash, entry.Hash), ct);
            }
        }

        await transaction.CommitAsync(ct);
        return pending.Count;
    }

    private async Task<bool> TakePostgresLockAsync(bool wait, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(
            wait ? $"SELECT pg_advisory_xact_lock({SealerLockKey}) IS NOT NULL" : $"SELECT pg_try_advisory_xact_lock({SealerLockKey})",
            connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>One statement for the whole batch; the table's trigger lets only this change through (sealing columns of unsealed rows).</summary>
    private async Task WritePostgresAsync(List<AuditEntry> sealedRows, CancellationToken ct)
    {
        var entries = db.Model.FindEntityType(typeof(AuditEntry))!;
        var table = StoreObjectIdentifier.Table(entries.GetTableName()!, entries.GetSchema());
        string Column(string property) => "\"" + entries.FindProperty(property)!.GetColumnName(table) + "\"";
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(
            $"""
            UPDATE "{table.Schema}"."{table.Name}" AS e
            SET {Column(nameof(AuditEntry.Sequence))} = u.seq, {Column(nameof(AuditEntry.PreviousHash))} = u.prev, {Column(nameof(AuditEntry.Hash))} = u.hash
            FROM unnest(@ids, @seqs, @prevs, @hashes) AS u(id, seq, prev, hash)
            WHERE e.{Column(nameof(AuditEntry.Id))} = u.id AND e.{Column(nameof(AuditEntry.Sequence))} IS NULL
            """,
            connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        command.Parameters.Add(new NpgsqlParameter<long[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = sealedRows.Select(e => e.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<long[]>("seqs", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = sealedRows.Select(e => e.Sequence!.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]>("prevs", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { TypedValue = sealedRows.Select(e => e.PreviousHash).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]>("hashes", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { TypedValue = sealedRows.Select(e => e.Hash).ToArray() });
        var updated = await command.ExecuteNonQueryAsync(ct);
        if (updated != sealedRows.Count)
        {
            // Only a second sealer outside the lock could have taken them; commit nothing rather than a chain with holes.
            throw new InvalidOperationException($"Sealed {updated} of {sealedRows.Count} audit rows; another sealer is at work outside the lock.");
        }
    }
}