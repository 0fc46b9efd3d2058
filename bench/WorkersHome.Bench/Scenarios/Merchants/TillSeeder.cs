using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using WorkersHome.Bench.Infrastructure;
using WorkersHome.Modules.Cards;
using WorkersHome.Modules.Members;
using WorkersHome.Modules.Merchants;
using WorkersHome.Modules.Organizations;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Bench.Scenarios.Merchants;

/// <summary>What the tills need: members' cards, one partner merchant with one unlimited offer and a till account.</summary>
internal sealed record TillWorld(List<Guid> Cards, long MerchantId, string MerchantName, long StaffId, long OfferId);

/// <summary>Issues cards to the first active members (bulk) and sets up a merchant as its staff would, for the till scenarios.</summary>
internal static class TillSeeder
{
    public const string StaffUserName = "bench.till";

    public const string Password = "Bench-Till-Password";

    public static async Task<TillWorld> SeedAsync(AppContexts contexts, int cards, CancellationToken ct)
    {
        await using var db = contexts.WholeTree();
        var now = DateTimeOffset.UtcNow;
        // Cards go to active members only (the seeded registry also holds retained, ended and deceased memberships).
        var members = await db.Members.AsNoTracking().Where(m => m.Status == Modules.Members.MembershipStatus.Active).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.OrgId, m.OrgPath }).Take(cards).ToListAsync(ct);
        var issued = members.Select((m, i) => MemberCard.Issue(Guid.CreateVersion7(), m.Id, m.OrgId, m.OrgPath, CardNumber.Compose("628811", 100_000_000L + i), now))
            .ToList();
        await db.Database.OpenConnectionAsync(ct);
        await db.InsertManyAsync(issued, ct);
        var province = await db.OrgUnits.Where(o => o.Path.Length > 1).OrderBy(o => o.Path.Length).ThenBy(o => o.Path).FirstAsync(ct);
        var merchant = new Merchant
        {
            OrgId = province.Id,
            OrgPath = province.Path,
            Name = "压测职工超市",
            CreditCode = "91110000MA00000001",
            Category = MerchantCategory.Shopping,
            Address = "测试路 1 号",
            Latitude = 39.9,
            Longitude = 116.4,
            CreatedAt = now,
        };
        db.Merchants.Add(merchant);
        await db.SaveChangesAsync(ct);
        var offer = new Offer
        {
            MerchantId = merchant.Id,
            Title = "会员九折",
            Kind = DiscountKind.Percent,
            Value = 10,
            Limit = UsageLimit.Unlimited,
            ValidFrom = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1),
            ValidTo = DateOnly.FromDateTime(now.UtcDateTime).AddYears(1),
        };
        db.Offers.Add(offer);
        var staff = new MerchantStaff { MerchantId = merchant.Id, UserName = StaffUserName, DisplayName = "压测收银", CreatedAt = now };
        staff.PasswordHash = new PasswordHasher<MerchantStaff>().HashPassword(staff, Password);
        db.MerchantStaff.Add(staff);
        await db.SaveChangesAsync(ct);
        return new TillWorld(issued.Select(c => c.Id).ToList(), merchant.Id, merchant.Name, staff.Id, offer.Id);
    }
}