using System.Collections.Concurrent;

namespace WorkersHome.Modules.Merchants.Till;

/// <summary>
/// Redemptions being recorded on this instance, by shown code. A double tap or a quick retry usually reaches the same
/// instance while the first request is still writing: it waits for that result instead of repeating the work and
/// meeting the unique key in the database. The database's unique keys still decide across instances.
/// </summary>
public sealed class RedemptionsInFlight
{
    private readonly ConcurrentDictionary<string, (long MerchantId, Task<RedemptionView> Redemption)> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="record"/> unless the same code is being recorded for the same merchant here already.</summary>
    public async Task<RedemptionView> RecordOnceAsync(string key, long merchantId, Func<Task<RedemptionView>> record)
    {
        var mine = new TaskCompletionSource<RedemptionView>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entry = _inFlight.GetOrAdd(key, (merchantId, mine.Task));
        if (entry.Redemption != mine.Task)
        {
            if (entry.MerchantId == merchantId)
            {
                return (await entry.Redemption) with { Repeated = true };
            }

            // Another merchant's till has the same code: the database path answers (and refuses it).
            return await record();
        }

        try
        {
            var redemption = await record();
            mine.SetResult(redemption);
            return redemption;
        }
        catch (Exception ex)
        {
            mine.SetException(ex);
            // Observed here so that an unawaited failure (no second request came) is not reported as unobserved.
            _ = mine.Task.Exception;
            throw;
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, (long, Task<RedemptionView>)>(key, (merchantId, mine.Task)));
        }
    }
}