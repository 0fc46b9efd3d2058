using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Merchants.Till;

/// <summary>
/// Redemptions a till recorded while it had no connection, checked as the till saw them then (token unexpired, card
/// usable), each at most <see cref="OfflineWindow"/> old. Each one is recorded once, like any redemption: syncing twice
/// changes nothing.
/// </summary>
public sealed class SyncOfflineRedemptions(RecordRedemption record, TimeProvider clock)
{
    /// <summary>How long a till may work offline: its cached keys and revocation list cover a day.</summary>
    public static readonly TimeSpan OfflineWindow = TimeSpan.FromHours(24);

    private static readonly TimeSpan CardTokenClockSkew = TimeSpan.FromSeconds(10);

    public async Task<IReadOnlyList<OfflineRedemptionResult>> ExecuteAsync(long staffId, long merchantId, IReadOnlyList<OfflineRedemption> redemptions,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var results = new List<OfflineRedemptionResult>();
        foreach (var offline in redemptions.Take(500))
        {
            try
            {
                if (offline.RecordedAt < now - OfflineWindow || offline.RecordedAt > now + CardTokenClockSkew)
                {
                    throw new ConflictException(Loc.T("离线记录的时间超出 24 小时，未计入", "Recorded offline more than 24 hours ago (or in the future); not counted"));
                }

                var view = await record.RecordAsync(staffId, merchantId, offline.Token, offline.OfferId, offline.SaleAmount, offline.RecordedAt, ct);
                results.Add(new OfflineRedemptionResult(offline.ClientId, true, view, null));
            }
            catch (Exception ex) when (ex is ConflictException or ValidationFailedException)
            {
                var message = ex is ValidationFailedException v ? string.Join(" ", v.Errors.SelectMany(e => e.Value)) : ex.Message;
                results.Add(new OfflineRedemptionResult(offline.ClientId, false, null, message));
            }
        }

        return results;
    }
}