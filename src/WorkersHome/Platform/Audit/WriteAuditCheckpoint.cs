using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Outbox;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Platform.Audit;

/// <summary>
/// Writes the period's checkpoint: seals what is committed, signs the chain's last row, and in one transaction keeps
/// the checkpoint and queues it for the file and the external witness (outbox), with an audit row of its own.
/// </summary>
public sealed class WriteAuditCheckpoint(AppDbContext db, AuditSealer sealer, AuditCheckpointKey key, AuditTrail audit,
    AuditOptions options, TimeProvider clock)
{
    public const string FileChannel = "audit-checkpoint-file";
    public const string WitnessChannel = "audit-witness";
    public const string Action = "audit.checkpoint";

    /// <summary>
    /// The checkpoint of the current period, unless one exists already (from this or another instance) or no key is
    /// configured. <paramref name="now"/> forces one at once, whatever the period (the `audit checkpoint` command).
    /// </summary>
    public async Task<AuditCheckpoint?> WriteAsync(bool now, CancellationToken ct)
    {
        if (!key.Configured)
        {
            return null;
        }

        var at = AuditEntry.TruncateToMicroseconds(clock.GetUtcNow());
        var periodStart = now ? at : PeriodStart(at, options.Checkpoint.Every);
        if (await db.AuditCheckpoints.AnyAsync(c => c.PeriodStart == periodStart, ct))
        {
            return null;
        }

        await sealer.SealAllAsync(ct);
        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Sequence != null)
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(ct);
        var checkpoint = new AuditCheckpoint
        {
            PeriodStart = periodStart,
            Sequence = last?.Sequence ?? 0,
            Hash = last?.Hash ?? AuditEntry.GenesisHash,
            At = at,
        };
        key.Sign(checkpoint);
        db.AuditCheckpoints.Add(checkpoint);
        var line = checkpoint.ToJsonLine();
        db.OutboxMessages.Add(new OutboxMessage { Channel = FileChannel, Body = line, CreatedAt = at });
        db.OutboxMessages.Add(new OutboxMessage { Channel = WitnessChannel, Body = line, CreatedAt = at });
        audit.Record(Action, "audit-checkpoint", checkpoint.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            detail: new { checkpoint.Sequence, checkpoint.Hash, checkpoint.KeyId }, actorName: "system");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (await AnotherInstanceWroteItAsync(periodStart, ct))
            {
                return null;
            }

            throw;
        }

        return checkpoint;
    }

    /// <summary>Periods counted from the Unix epoch in whole multiples of <paramref name="every"/> (UTC days by default).</summary>
    public static DateTimeOffset PeriodStart(DateTimeOffset at, TimeSpan every)
    {
        var ticks = at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks(ticks - (ticks % Math.Max(every.Ticks, TimeSpan.TicksPerSecond)));
    }

    private async Task<bool> AnotherInstanceWroteItAsync(DateTimeOffset periodStart, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.AuditCheckpoints.AnyAsync(c => c.PeriodStart == periodStart, ct);
    }
}