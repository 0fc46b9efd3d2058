using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

using WorkersHome.Platform.Audit;

namespace WorkersHome.Bench.Scenarios.AuditThroughput;

/// <summary>
/// The audit-throughput baseline, in the benchmark's harness only: while <see cref="Off"/>, the audit rows a use case
/// staged on its context are dropped just before the save, so the same use cases write the same changes without the
/// audit trail (and the sealer has nothing to seal).
/// </summary>
internal sealed class AuditSwitch : SaveChangesInterceptor
{
    private volatile bool _off;
    private int _dropped;

    public bool Off
    {
        get => _off;
        set => _off = value;
    }

    /// <summary>Audit rows dropped while off: the run checks that the baseline really ran without them.</summary>
    public int Dropped => Volatile.Read(ref _dropped);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Drop(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Drop(DbContext? context)
    {
        if (!_off || context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
            Interlocked.Increment(ref _dropped);
        }
    }
}