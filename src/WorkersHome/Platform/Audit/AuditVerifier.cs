using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Persistence;

namespace WorkersHome.Platform.Audit;

public sealed record AuditVerification(long RowsChecked, long? FirstBadRowId, string? Problem)
{
    public bool Intact => FirstBadRowId is null;
}

/// <summary>Walks the chain in order and reports the first row whose hash or link does not hold.</summary>
public sealed class AuditVerifier(AppDbContext db)
{
    private const int BatchSize = 5_000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        long checkedRows = 0;
        long expected = 1;
        var previousHash = AuditEntry.GenesisHash;
        while (true)
        {
            var from = expected;
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(a => a.Sequence >= from)
                .OrderBy(a => a.Sequence)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return new AuditVerification(checkedRows, null, null);
            }

            foreach (var row in batch)
            {
                if (row.Sequence != expected)
                {
                    return new AuditVerification(checkedRows, expected, $"row {expected} is missing");
                }

                if (row.PreviousHash != previousHash)
                {
                    return new AuditVerification(checkedRows, row.Sequence, "link to the previous row is broken");
                }

                if (row.ComputeHash() != row.Hash)
                {
                    return new AuditVerification(checkedRows, row.Sequence, "row content does not match its hash");
                }

                previousHash = row.Hash;
                expected++;
                checkedRows++;
            }
        }
    }
}