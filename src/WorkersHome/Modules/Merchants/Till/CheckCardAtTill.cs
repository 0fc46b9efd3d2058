using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Cards.Contracts;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Merchants.Till;

/// <summary>验码: whether a shown card code is valid (and why not), and which of the merchant's offers the holder may use here today.</summary>
public sealed class CheckCardAtTill(AppDbContext db, ICardChecker cards, IMemberDirectory members, TimeProvider clock)
{
    public async Task<TillCheck> ExecuteAsync(long merchantId, string? token, CancellationToken ct)
    {
        var card = await cards.CheckAsync(token ?? "", ct);
        if (!card.Valid)
        {
            return new TillCheck(card, []);
        }

        var today = clock.Today();
        var offers = await db.Offers.AsNoTracking().Where(o => o.MerchantId == merchantId && o.IsActive && o.ValidFrom <= today && o.ValidTo >= today)
            .OrderBy(o => o.Id).ToListAsync(ct);
        offers = [.. await OfferEligibility.OpenToHolderAsync(offers, card.MemberId!.Value, members, ct)];
        var keys = offers.Select(o => o.UsageKey(today)).Where(k => k is not null).ToList();
        var offerIds = offers.Select(o => o.Id).ToList();
        var used = await db.Redemptions.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.MemberId == card.MemberId && offerIds.Contains(r.OfferId) && r.UsageKey != null && keys.Contains(r.UsageKey))
            .Select(r => r.OfferId).ToListAsync(ct);
        return new TillCheck(card, offers.Select(o => new TillOffer(o.Id, o.Describe().ToString(), o.Kind, o.Value, used.Contains(o.Id))).ToList());
    }
}