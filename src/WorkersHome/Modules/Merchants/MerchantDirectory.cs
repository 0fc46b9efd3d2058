using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Merchants;

public sealed record DirectoryOffer(long Id, string Description, DateOnly ValidTo);

public sealed record DirectoryMerchant(long Id, string Name, MerchantCategory Category, string CategoryLabel, string Address, double Latitude, double Longitude,
    double? DistanceKm, IReadOnlyList<DirectoryOffer> Offers);

/// <summary>
/// The public directory of partner merchants with offers valid today: what members browse on a list and a map,
/// nearest first when their phone tells where they are. Names, addresses and offers are public; nothing personal is.
/// </summary>
public sealed class MerchantDirectory(AppDbContext db, TimeProvider clock)
{
    public const int MaxResults = 200;

    public async Task<IReadOnlyList<DirectoryMerchant>> SearchAsync(MerchantCategory? category, string? text, double? latitude, double? longitude, CancellationToken ct)
    {
        var today = clock.Today();
        var merchants = db.Merchants.IgnoreQueryFilters().AsNoTracking().Where(m => m.IsActive);
        if (category is { } c)
        {
            merchants = merchants.Where(m => m.Category == c);
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            merchants = merchants.Where(m => m.Name.Contains(t) || m.Address.Contains(t));
        }

        var near = latitude is { } lat && longitude is { } lng && lat is >= -90 and <= 90 && lng is >= -180 and <= 180;
        if (near)
        {
            // A box of about ±50 km first (an index-friendly filter), then exact distances for those inside.
            merchants = merchants.Where(m => m.Latitude >= latitude - 0.5 && m.Latitude <= latitude + 0.5 && m.Longitude >= longitude - 0.6 && m.Longitude <= longitude + 0.6);
        }

        var found = await merchants.OrderBy(m => m.Name).Take(near ? 2_000 : MaxResults).ToListAsync(ct);
        var ids = found.Select(m => m.Id).ToList();
        var offers = (await db.Offers.AsNoTracking().Where(o => ids.Contains(o.MerchantId) && o.IsActive && o.ValidFrom <= today && o.ValidTo >= today).ToListAsync(ct))
            .ToLookup(o => o.MerchantId);
        return found
            .Select(m => new DirectoryMerchant(m.Id, m.Name, m.Category, Merchant.CategoryLabel(m.Category).ToString(), m.Address, m.Latitude, m.Longitude,
                near ? Math.Round(DistanceKm(latitude!.Value, longitude!.Value, m.Latitude, m.Longitude), 1) : null,
                offers[m.Id].Select(o => new DirectoryOffer(o.Id, o.Describe().ToString(), o.ValidTo)).ToList()))
            .Where(m => m.Offers.Count > 0)
            .OrderBy(m => m.DistanceKm ?? 0).ThenBy(m => m.Name, StringComparer.Ordinal)
            .Take(MaxResults)
            .ToList();
    }

    /// <summary>Great-circle distance (haversine), in kilometres.</summary>
    public static double DistanceKm(double lat1, double lng1, double lat2, double lng2)
    {
        const double EarthRadiusKm = 6371.0088;
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLng = Radians(lng2 - lng1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(dLng / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}