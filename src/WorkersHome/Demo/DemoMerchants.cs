using Microsoft.AspNetCore.Identity;

using WorkersHome.Modules.Merchants;
using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Demo;

/// <summary>A few partner merchants in Zhengzhou with offers, and a till account to try the verify page with.</summary>
public sealed class DemoMerchants(AppDbContext db, IPasswordHasher<MerchantStaff> hasher, TimeProvider clock)
{
    public const string TillUser = "shop.demo";

    private static readonly (string Name, string Credit, MerchantCategory Category, string Address, double Lat, double Lng, string Offer, DiscountKind Kind, decimal Value, UsageLimit Limit)[] Shops =
    [
        ("郑州职工之家便利店（二七店）", "91410103MA40000010", MerchantCategory.Shopping, "郑州市二七区大学路 80 号", 34.7338, 113.6402, "会员日用品优惠", DiscountKind.Percent, 10, UsageLimit.Unlimited),
        ("中原职工书屋", "91410102MA40000020", MerchantCategory.Education, "郑州市中原区建设西路 12 号", 34.7501, 113.6105, "图书 8.5 折", DiscountKind.Percent, 15, UsageLimit.OncePerDay),
        ("绿城健身中心", "91410105MA40000030", MerchantCategory.Leisure, "郑州市金水区花园路 66 号", 34.7830, 113.6770, "体验课立减 30 元", DiscountKind.Amount, 30, UsageLimit.OnceEver),
    ];

    public async Task SeedAsync(OrgUnit city, string password, CancellationToken ct)
    {
        var today = clock.Today();
        foreach (var shop in Shops)
        {
            var merchant = new Merchant
            {
                OrgId = city.Id,
                OrgPath = city.Path,
                Name = shop.Name,
                CreditCode = CreditCode.WithCheck(shop.Credit[..17]),
                Category = shop.Category,
                Address = shop.Address,
                Latitude = shop.Lat,
                Longitude = shop.Lng,
                CreatedAt = clock.GetUtcNow(),
            };
            db.Merchants.Add(merchant);
            await db.SaveChangesAsync(ct);
            db.Offers.Add(new Offer
            {
                MerchantId = merchant.Id,
                Title = shop.Offer,
                Kind = shop.Kind,
                Value = shop.Value,
                ValidFrom = today.AddDays(-30),
                ValidTo = today.AddYears(1),
                Limit = shop.Limit,
            });
            if (shop == Shops[0])
            {
                var staff = new MerchantStaff { MerchantId = merchant.Id, UserName = TillUser, DisplayName = "收银员小李", CreatedAt = clock.GetUtcNow() };
                staff.PasswordHash = hasher.HashPassword(staff, password);
                db.MerchantStaff.Add(staff);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}