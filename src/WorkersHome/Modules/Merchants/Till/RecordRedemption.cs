using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

using Npgsql;

using WorkersHome.Modules.Cards.Contracts;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Merchants.Till;

/// <summary>
/// 核销: records a member's offer used on a purchase at the till, exactly once per shown code — a double tap, a retry,
/// a second till scanning the same code, or an offline till syncing later all meet the same unique key and get the one
/// recorded redemption back. On PostgreSQL its statements skip the request's context (docs/adr/0010).
/// </summary>
public sealed class RecordRedemption(AppDbContext db, DirectSql direct, ICardChecker cards, IMemberDirectory members, IMemoryCache cache,
    RedemptionsInFlight inFlight, TimeProvider clock)
{
    public static readonly TimeSpan ShopCacheLifetime = TimeSpan.FromSeconds(10);

    private const string InsertOnceSql = """
        INSERT INTO merchants.redemptions ("MerchantId", "OrgPath", "OfferId", "CardId", "MemberId", "PresentationKey", "UsageKey",
            "SaleAmount", "Discount", "At", "Day", "StaffId", "HolderMasked", "Counted")
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, false)
        ON CONFLICT DO NOTHING
        RETURNING "Id"
        """;

    private const string RecordedSql = """
        SELECT "Id", "MerchantId", "OfferId", "HolderMasked", "SaleAmount", "Discount", "At" FROM merchants.redemptions WHERE "PresentationKey" = $1
        """;

    public Task<RedemptionView> ExecuteAsync(long staffId, long merchantId, string? token, long offerId, decimal saleAmount, CancellationToken ct) =>
        RecordAsync(staffId, merchantId, token, offerId, saleAmount, recordedAt: null, ct);

    /// <summary>A redemption as of <paramref name="recordedAt"/> (an offline till's time) or now; <see cref="SyncOfflineRedemptions"/> comes in here.</summary>
    internal Task<RedemptionView> RecordAsync(long staffId, long merchantId, string? token, long offerId, decimal saleAmount, DateTimeOffset? recordedAt,
        CancellationToken ct)
    {
        token = token?.Trim() ?? "";
        var key = CardPresentation.Key(token);
        return inFlight.RecordOnceAsync(key, merchantId, () => RecordOnceAsync(staffId, merchantId, token, key, offerId, saleAmount, recordedAt, ct));
    }

    private async Task<RedemptionView> RecordOnceAsync(long staffId, long merchantId, string token, string key, long offerId, decimal saleAmount,
        DateTimeOffset? recordedAt, CancellationToken ct)
    {
        var amount = new FieldErrors();
        amount.CheckAmount("saleAmount", saleAmount, "消费金额", "sale amount", 1_000_000);
        amount.ThrowIfAny();

        var card = recordedAt is { } then ? await cards.CheckAsOfAsync(token, then, ct) : await cards.CheckAsync(token, ct);
        if (!card.Valid)
        {
            // A retry of a redemption recorded while the code was still valid gets that redemption back.
            return await RecordedAsync(key, merchantId, ct) ?? throw new ConflictException(Loc.T(card.ReasonZh, card.ReasonEn));
        }

        var at = recordedAt ?? clock.GetUtcNow();
        var today = ChinaTime.DayOf(at);
        var shop = await ShopAsync(merchantId, ct);
        var offer = shop.Offers.FirstOrDefault(o => o.Id == offerId);
        if (offer is null || !offer.IsValidOn(today))
        {
            throw new ConflictException(Loc.T("该优惠不存在或不在有效期内", "This offer does not exist here or is not valid today"));
        }

        if ((await OfferEligibility.OpenToHolderAsync([offer], card.MemberId!.Value, members, ct)).Count == 0)
        {
            throw new ConflictException(Loc.T("该优惠仅限特定会员群体，此会员不能使用", "This offer is for a member group this member is not in"));
        }

        var sale = Math.Round(saleAmount, 2);
        var redemption = new Redemption
        {
            MerchantId = merchantId,
            OrgPath = shop.OrgPath,
            OfferId = offer.Id,
            CardId = card.CardId!.Value,
            MemberId = card.MemberId!.Value,
            PresentationKey = key,
            UsageKey = offer.UsageKey(today),
            SaleAmount = sale,
            Discount = offer.DiscountOn(sale),
            At = at,
            Day = today,
            StaffId = staffId,
            HolderMasked = card.HolderMasked ?? "",
        };
        // The redemption row is its own record (who, when, which code); it stays out of the security audit chain, whose
        // single sequence would otherwise make every till in the province wait for every other.
        if (await InsertOnceAsync(redemption, ct))
        {
            return View(redemption, offer, repeated: false);
        }

        // Lost a race with the same code (a double tap, a retry, another till): answer with the redemption that was recorded.
        return await RecordedAsync(key, merchantId, ct)
            ?? throw new ConflictException(Loc.T($"该会员{LimitText(offer.Limit).Zh}已使用过此优惠", $"This member has already used this offer {LimitText(offer.Limit).En}"));
    }

    /// <summary>
    /// Inserts the redemption unless a unique key (the shown code, or a limited offer's period) already holds one. On
    /// PostgreSQL that is one statement that cannot fail on the race a double tap makes; SQLite takes the error.
    /// </summary>
    private async Task<bool> InsertOnceAsync(Redemption r, CancellationToken ct)
    {
        if (direct.IsAvailable)
        {
            var id = await direct.ScalarAsync(InsertOnceSql, ct,
                new NpgsqlParameter<long> { TypedValue = r.MerchantId },
                new NpgsqlParameter<string> { TypedValue = r.OrgPath },
                new NpgsqlParameter<long> { TypedValue = r.OfferId },
                new NpgsqlParameter<Guid> { TypedValue = r.CardId },
                new NpgsqlParameter<Guid> { TypedValue = r.MemberId },
                new NpgsqlParameter<string> { TypedValue = r.PresentationKey },
                new NpgsqlParameter<string?> { TypedValue = r.UsageKey },
                new NpgsqlParameter<decimal> { TypedValue = r.SaleAmount },
                new NpgsqlParameter<decimal> { TypedValue = r.Discount },
                new NpgsqlParameter<DateTimeOffset> { TypedValue = r.At },
                new NpgsqlParameter<DateOnly> { TypedValue = r.Day },
                new NpgsqlParameter<long> { TypedValue = r.StaffId },
                new NpgsqlParameter<string> { TypedValue = r.HolderMasked });
            if (id is not long inserted)
            {
                return false;
            }

            r.Id = inserted;
            return true;
        }

        db.Redemptions.Add(r);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// The merchant's path and offers, read at most every few seconds per instance: a busy till asks for every sale,
    /// and a new or withdrawn offer may take that long to reach it.
    /// </summary>
    private async Task<(string OrgPath, IReadOnlyList<Offer> Offers)> ShopAsync(long merchantId, CancellationToken ct) =>
        await cache.GetOrCreateAsync("till-shop:" + merchantId.ToString(System.Globalization.CultureInfo.InvariantCulture), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = ShopCacheLifetime;
            entry.Size = 1;
            var orgPath = await db.Merchants.IgnoreQueryFilters().AsNoTracking().Where(m => m.Id == merchantId && m.IsActive).Select(m => m.OrgPath).FirstOrDefaultAsync(ct)
                ?? throw new ConflictException(Loc.T("商户已停用", "The merchant is no longer active"));
            IReadOnlyList<Offer> offers = await db.Offers.AsNoTracking().Where(o => o.MerchantId == merchantId).ToListAsync(ct);
            return (orgPath, offers);
        });

    private async Task<RedemptionView?> RecordedAsync(string key, long merchantId, CancellationToken ct)
    {
        // A double tap that comes in after the first redemption was written ends here: on PostgreSQL one plain statement too.
        var recorded = direct.IsAvailable
            ? await direct.FirstOrDefaultAsync(RecordedSql, r => new Redemption
            {
                Id = r.GetInt64(0),
                MerchantId = r.GetInt64(1),
                OfferId = r.GetInt64(2),
                HolderMasked = r.GetString(3),
                SaleAmount = r.GetDecimal(4),
                Discount = r.GetDecimal(5),
                At = r.GetFieldValue<DateTimeOffset>(6),
            }, ct, new NpgsqlParameter<string> { TypedValue = key })
            : await db.Redemptions.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.PresentationKey == key, ct);
        if (recorded is null)
        {
            return null;
        }

        if (recorded.MerchantId != merchantId)
        {
            throw new ConflictException(Loc.T("此二维码已在其他商户使用，请会员刷新后重新出示", "This code was already used at another merchant; ask the member to refresh it"));
        }

        var offer = (await ShopAsync(merchantId, ct)).Offers.FirstOrDefault(o => o.Id == recorded.OfferId)
            ?? await db.Offers.AsNoTracking().FirstAsync(o => o.Id == recorded.OfferId, ct);
        return View(recorded, offer, repeated: true);
    }

    private static RedemptionView View(Redemption r, Offer offer, bool repeated) =>
        new(r.Id, r.HolderMasked, offer.Describe().ToString(), r.SaleAmount, r.Discount, r.SaleAmount - r.Discount, r.At, repeated);

    private static LocalizedText LimitText(UsageLimit limit) => limit switch
    {
        UsageLimit.OncePerDay => new("今日", "today"),
        UsageLimit.OncePerMonth => new("本月", "this month"),
        _ => new("", "before"),
    };
}