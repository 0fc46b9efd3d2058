using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

using Npgsql;

using WorkersHome.Modules.Cards.Contracts;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Merchants.Till;

public sealed record TillOffer(long Id, string Description, DiscountKind Kind, decimal Value, bool UsedUp);

public sealed record TillCheck(CardCheck Card, IReadOnlyList<TillOffer> Offers)
{
    public string Reason => Loc.T(Card.ReasonZh, Card.ReasonEn);
}

public sealed record OfflineSale(string ClientId, string? Token, long OfferId, decimal SaleAmount, DateTimeOffset RecordedAt);

public sealed record OfflineSaleResult(string ClientId, bool Recorded, RedemptionView? Sale, string? Error);

public sealed record RedemptionView(long Id, string HolderMasked, string Offer, decimal SaleAmount, decimal Discount, decimal Paid, DateTimeOffset At, bool Repeated)
{
    /// <summary>
    /// What the cashier reads when the code had already paid for a sale: that earlier sale's time and amount, not the
    /// amount just typed, and what to do for a new sale.
    /// </summary>
    public string AlreadyUsedNotice()
    {
        var at = ChinaTime.InChina(At).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return Loc.T($"此会员码已用于 {at} 的一笔 {SaleAmount:0.00} 元消费，未重复计入。如是新的消费，请让会员刷新二维码后重新扫码。",
            $"This code was already used for a sale of {SaleAmount:0.00} yuan at {at}; it is not counted again. For a new sale, ask the member to refresh the code and scan it again.");
    }
}

/// <summary>
/// The till: checks a shown card code, lists the offers the member may use here now, and records a sale exactly once
/// per shown code — a double tap, a retry, a second till scanning the same code, or an offline till syncing later all
/// meet the same unique key and get the one recorded sale back.
/// </summary>
public sealed class TillDesk(AppDbContext db, DirectSql direct, ICardChecker cards, IMemberDirectory members, IMemoryCache cache, SalesInFlight inFlight,
    TimeProvider clock)
{
    public static readonly TimeSpan ShopCacheLifetime = TimeSpan.FromSeconds(10);

    private const string InsertOnceSql = """
        INSERT INTO merchants.redemptions ("MerchantId", "OrgPath", "OfferId", "CardId", "MemberId", "PresentationKey", "UsageKey",
            "SaleAmount", "Discount", "At", "Day", "StaffId", "HolderMasked")
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
        ON CONFLICT DO NOTHING
        RETURNING "Id"
        """;

    private const string RecordedSql = """
        SELECT "Id", "MerchantId", "OfferId", "HolderMasked", "SaleAmount", "Discount", "At" FROM merchants.redemptions WHERE "PresentationKey" = $1
        """;

    /// <summary>How long a till may work offline: its cached keys and revocation list cover a day.</summary>
    public static readonly TimeSpan OfflineWindow = TimeSpan.FromHours(24);

    private static readonly TimeSpan CardTokenClockSkew = TimeSpan.FromSeconds(10);

    public async Task<TillCheck> CheckAsync(long merchantId, string? token, CancellationToken ct)
    {
        var card = await cards.CheckAsync(token ?? "", ct);
        if (!card.Valid)
        {
            return new TillCheck(card, []);
        }

        var today = clock.Today();
        var offers = await db.Offers.AsNoTracking().Where(o => o.MerchantId == merchantId && o.IsActive && o.ValidFrom <= today && o.ValidTo >= today)
            .OrderBy(o => o.Id).ToListAsync(ct);
        offers = [.. await OpenToHolderAsync(offers, card.MemberId!.Value, ct)];
        var keys = offers.Select(o => o.UsageKey(today)).Where(k => k is not null).ToList();
        var offerIds = offers.Select(o => o.Id).ToList();
        var used = await db.Redemptions.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.MemberId == card.MemberId && offerIds.Contains(r.OfferId) && r.UsageKey != null && keys.Contains(r.UsageKey))
            .Select(r => r.OfferId).ToListAsync(ct);
        return new TillCheck(card, offers.Select(o => new TillOffer(o.Id, o.Describe().ToString(), o.Kind, o.Value, used.Contains(o.Id))).ToList());
    }

    public Task<RedemptionView> RedeemAsync(long staffId, long merchantId, string? token, long offerId, decimal saleAmount, CancellationToken ct) =>
        RedeemAsync(staffId, merchantId, token, offerId, saleAmount, recordedAt: null, ct);

    /// <summary>
    /// Sales a till recorded while it had no connection, checked as the till saw them then (token unexpired, card
    /// usable), each at most <see cref="OfflineWindow"/> old. Each one is recorded once, like any sale: syncing twice
    /// changes nothing.
    /// </summary>
    public async Task<IReadOnlyList<OfflineSaleResult>> SyncAsync(long staffId, long merchantId, IReadOnlyList<OfflineSale> sales, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var results = new List<OfflineSaleResult>();
        foreach (var sale in sales.Take(500))
        {
            try
            {
                if (sale.RecordedAt < now - OfflineWindow || sale.RecordedAt > now + CardTokenClockSkew)
                {
                    throw new ConflictException(Loc.T("离线记录的时间超出 24 小时，未计入", "Recorded offline more than 24 hours ago (or in the future); not counted"));
                }

                var view = await RedeemAsync(staffId, merchantId, sale.Token, sale.OfferId, sale.SaleAmount, sale.RecordedAt, ct);
                results.Add(new OfflineSaleResult(sale.ClientId, true, view, null));
            }
            catch (Exception ex) when (ex is ConflictException or ValidationFailedException)
            {
                var message = ex is ValidationFailedException v ? string.Join(" ", v.Errors.SelectMany(e => e.Value)) : ex.Message;
                results.Add(new OfflineSaleResult(sale.ClientId, false, null, message));
            }
        }

        return results;
    }

    private Task<RedemptionView> RedeemAsync(long staffId, long merchantId, string? token, long offerId, decimal saleAmount, DateTimeOffset? recordedAt,
        CancellationToken ct)
    {
        token = token?.Trim() ?? "";
        var key = CardPresentation.Key(token);
        return inFlight.RecordOnceAsync(key, merchantId, () => RecordAsync(staffId, merchantId, token, key, offerId, saleAmount, recordedAt, ct));
    }

    private async Task<RedemptionView> RecordAsync(long staffId, long merchantId, string token, string key, long offerId, decimal saleAmount,
        DateTimeOffset? recordedAt, CancellationToken ct)
    {
        var amount = new FieldErrors();
        amount.CheckAmount("saleAmount", saleAmount, "消费金额", "sale amount", 1_000_000);
        amount.ThrowIfAny();

        var card = recordedAt is { } then ? await cards.CheckAsOfAsync(token, then, ct) : await cards.CheckAsync(token, ct);
        if (!card.Valid)
        {
            // A retry of a sale recorded while the code was still valid gets that sale back.
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

        if ((await OpenToHolderAsync([offer], card.MemberId!.Value, ct)).Count == 0)
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
        // The sale row is its own record (who, when, which code); it stays out of the security audit chain, whose
        // single sequence would otherwise make every till in the province wait for every other.
        if (await InsertOnceAsync(redemption, ct))
        {
            return View(redemption, offer, repeated: false);
        }

        // Lost a race with the same code (a double tap, a retry, another till): answer with the sale that was recorded.
        return await RecordedAsync(key, merchantId, ct)
            ?? throw new ConflictException(Loc.T($"该会员{LimitText(offer.Limit).Zh}已使用过此优惠", $"This member has already used this offer {LimitText(offer.Limit).En}"));
    }

    /// <summary>The offers the holder may use: group-limited ones need the member's groups, read only when such an offer is on the list.</summary>
    private async Task<IReadOnlyList<Offer>> OpenToHolderAsync(IReadOnlyList<Offer> offers, Guid memberId, CancellationToken ct)
    {
        if (offers.All(o => o.Groups == MemberGroups.None))
        {
            return offers;
        }

        var groups = (await members.FindCheckedCommittedAsync(memberId, ct))?.Groups ?? MemberGroups.None;
        return offers.Where(o => o.IsOpenTo(groups)).ToList();
    }

    /// <summary>
    /// Inserts the sale unless a unique key (the shown code, or a limited offer's period) already holds one. On
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
        // A double tap that comes in after the first sale was written ends here: on PostgreSQL one plain statement too.
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