using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Merchants;

/// <summary>Named sets for the module's entities; their mapping lives in the configuration classes beside this file.</summary>
public static class MerchantsTables
{
    /// <summary>The Merchants module's tables, as properties of the one context (the module owns them; Platform does not know them).</summary>
    extension(AppDbContext db)
    {
        public DbSet<Merchant> Merchants => db.Set<Merchant>();

        public DbSet<Offer> Offers => db.Set<Offer>();

        public DbSet<MerchantStaff> MerchantStaff => db.Set<MerchantStaff>();

        public DbSet<Redemption> Redemptions => db.Set<Redemption>();
    }
}