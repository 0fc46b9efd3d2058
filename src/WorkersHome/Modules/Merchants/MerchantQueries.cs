using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Merchants;

public sealed record MerchantRow(long Id, string Name, string CreditCode, string Category, string Address, bool IsActive, int Offers, int Staff);

public sealed record OfferRow(long Id, string Description, DiscountKind Kind, decimal Value, DateOnly ValidFrom, DateOnly ValidTo, UsageLimit Limit, bool IsActive);

public sealed record TillOfferView(long Id, string Description, DiscountKind Kind, decimal Value, DateOnly ValidFrom, DateOnly ValidTo, UsageLimit Limit);

public sealed record StaffRow(long Id, string UserName, string DisplayName, bool IsDisabled);

public sealed record MerchantDetail(long Id, string Name, string CreditCode, string Category, string Address, double Latitude, double Longitude, bool IsActive,
    IReadOnlyList<OfferRow> Offers, IReadOnlyList<StaffRow> Staff);

/// <summary>Merchants of the cadre's subtree, as the union's pages and API show them.</summary>
public sealed class MerchantQueries(AppDbContext db)
{
    public async Task<IReadOnlyList<MerchantRow>> ListAsync(CancellationToken ct)
    {
        var rows = await db.Merchants.AsNoTracking().OrderBy(m => m.Name)
            .Select(m => new
            {
                m.Id,
                m.Name,
                m.CreditCode,
                m.Category,
                m.Address,
                m.IsActive,
                Offers = db.Set<Offer>().Count(o => o.MerchantId == m.Id),
                Staff = db.Set<MerchantStaff>().Count(s => s.MerchantId == m.Id),
            }).Take(500).ToListAsync(ct);
        return rows.Select(r => new MerchantRow(r.Id, r.Name, r.CreditCode, Merchant.CategoryLabel(r.Category).ToString(), r.Address, r.IsActive, r.Offers, r.Staff)).ToList();
    }

    /// <summary>A till's own merchant's active offers (the till's scope is its merchant, not the tree).</summary>
    /// <summary>
    /// Offers a till may grant offline: a group-limited offer needs the member's groups, which only the server knows,
    /// so it is left out of the offline list.
    /// </summary>
    public async Task<IReadOnlyList<TillOfferView>> TillOffersAsync(long merchantId, CancellationToken ct) =>
        (await db.Offers.AsNoTracking().Where(o => o.MerchantId == merchantId && o.IsActive && o.Groups == Members.Contracts.MemberGroups.None).OrderBy(o => o.Id).ToListAsync(ct))
            .Select(o => new TillOfferView(o.Id, o.Describe().ToString(), o.Kind, o.Value, o.ValidFrom, o.ValidTo, o.Limit)).ToList();

    public async Task<MerchantDetail> GetAsync(long id, CancellationToken ct)
    {
        var m = await db.Merchants.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException();
        var offers = await db.Offers.AsNoTracking().Where(o => o.MerchantId == id).OrderBy(o => o.Id).ToListAsync(ct);
        var staff = await db.MerchantStaff.AsNoTracking().Where(s => s.MerchantId == id).OrderBy(s => s.UserName)
            .Select(s => new StaffRow(s.Id, s.UserName, s.DisplayName, s.IsDisabled)).ToListAsync(ct);
        return new MerchantDetail(m.Id, m.Name, m.CreditCode, Merchant.CategoryLabel(m.Category).ToString(), m.Address, m.Latitude, m.Longitude, m.IsActive,
            offers.Select(o => new OfferRow(o.Id, o.Describe().ToString(), o.Kind, o.Value, o.ValidFrom, o.ValidTo, o.Limit, o.IsActive)).ToList(), staff);
    }
}