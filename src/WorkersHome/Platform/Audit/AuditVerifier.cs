using System.Globalization;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Persistence;

namespace WorkersHome.Platform.Audit;

/// <param name="RowsChecked">Sealed rows whose hash and link hold, in chain order before the first bad one.</param>
/// <param name="FirstBadRowId">The chain position (sequence) of the first row that does not hold, or null.</param>
/// <param name="Unsealed">Committed rows the sealer has not linked yet; not checked, and not yet protected by the chain.</param>
/// <param name="OldestUnsealedAt">When the oldest of those was written: far in the past means the sealer has stopped.</param>
/// <param name="CheckpointsChecked">Signed checkpoints the chain was compared with.</param>
public sealed record AuditVerification(long RowsChecked, long? FirstBadRowId, string? Problem,
    long Unsealed = 0, DateTimeOffset? OldestUnsealedAt = null, int CheckpointsChecked = 0)
{
    public bool Intact => FirstBadRowId is null;
}

/// <summary>
/// Walks the sealed chain in order and reports the first row whose hash or link does not hold; with the checkpoints
/// written out (the witness copies), also a row that differs from a checkpoint and rows missing from the chain's end.
/// </summary>
public sealed class AuditVerifier(AppDbContext db, AuditCheckpointKey key)
{
    private const int BatchSize = 20_000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default) => await VerifyAsync([], ct);

    public async Task<AuditVerification> VerifyAsync(IReadOnlyCollection<AuditCheckpoint> checkpoints, CancellationToken ct = default)
    {
        var expectedAt = new Dictionary<long, AuditCheckpoint>();
        foreach (var checkpoint in checkpoints)
        {
            if (!key.Verifies(checkpoint))
            {
                return new AuditVerification(0, checkpoint.Sequence,
                    $"the checkpoint of {Stamp(checkpoint.At)} (row {checkpoint.Sequence}) is not signed by the configured key {key.KeyId}");
            }

            if (expectedAt.TryGetValue(checkpoint.Sequence, out var same) && same.Hash != checkpoint.Hash)
            {
                return new AuditVerification(0, checkpoint.Sequence, $"two signed checkpoints give row {checkpoint.Sequence} different hashes");
            }

            expectedAt[checkpoint.Sequence] = checkpoint;
        }

        var (unsealed, oldestUnsealed) = await UnsealedAsync(ct);
        long checkedRows = 0;
        long expected = 1;
        var previousHash = AuditEntry.GenesisHash;
        if (expectedAt.TryGetValue(0, out var empty) && empty.Hash != previousHash)
        {
            return new AuditVerification(0, 0, "the checkpoint of an empty chain has a hash");
        }

        while (true)
        {
            var from = expected;
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(a => a.Sequence >= from)
                .OrderBy(a => a.Sequence)
                .Take(BatchSize)
                .ToListAsync(ct);
            foreach (var row in batch)
            {
                if (row.Sequence != expected)
                {
                    return new AuditVerification(checkedRows, expected, $"row {expected} is missing", unsealed, oldestUnsealed);
                }

                if (row.PreviousHash != previousHash)
                {
                    return new AuditVerification(checkedRows, expected, "link to the previous row is broken", unsealed, oldestUnsealed);
                }

                if (row.ComputeHash() != row.Hash)
                {
                    return new AuditVerification(checkedRows, expected, "row content does not match its hash", unsealed, oldestUnsealed);
                }

                if (expectedAt.TryGetValue(expected, out var checkpoint) && checkpoint.Hash != row.Hash)
                {
                    return new AuditVerification(checkedRows, expected,
                        $"row differs from the checkpoint of {Stamp(checkpoint.At)}: the chain was rewritten from here or before", unsealed, oldestUnsealed);
                }

                previousHash = row.Hash;
                expected++;
                checkedRows++;
            }

            if (batch.Count < BatchSize)
            {
                break;
            }
        }

        var furthest = expectedAt.Values.MaxBy(c => c.Sequence);
        if (furthest is not null && furthest.Sequence >= expected)
        {
            return new AuditVerification(checkedRows, expected,
                $"rows {expected} to {furthest.Sequence} are missing: the checkpoint of {Stamp(furthest.At)} names row {furthest.Sequence}, the chain ends at row {expected - 1}",
                unsealed, oldestUnsealed, expectedAt.Count);
        }

        return new AuditVerification(checkedRows, null, null, unsealed, oldestUnsealed, expectedAt.Count);
    }

    private async Task<(long Count, DateTimeOffset? Oldest)> UnsealedAsync(CancellationToken ct)
    {
        var pending = db.AuditEntries.AsNoTracking().Where(a => a.Sequence == null);
        var count = await pending.LongCountAsync(ct);
        var oldest = count == 0 ? (DateTimeOffset?)null
            : await pending.OrderBy(a => a.Id).Select(a => (DateTimeOffset?)a.At).FirstOrDefaultAsync(ct);
        return (count, oldest);
    }

    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}

/// <summary>Reads the checkpoint file (one JSON line per checkpoint); a line that does not parse is an error naming its number.</summary>
public static class AuditCheckpointFile
{
    public static async Task<IReadOnlyList<AuditCheckpoint>> ReadAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var checkpoints = new List<AuditCheckpoint>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, ct))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                checkpoints.Add(AuditCheckpoint.FromJsonLine(line));
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException)
            {
                throw new FormatException($"{path}, line {number}: not a checkpoint ({ex.Message})", ex);
            }
        }

        return checkpoints;
    }
}