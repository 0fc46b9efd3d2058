using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Merchants.Data;

internal sealed class MerchantConfiguration : IEntityTypeConfiguration<Merchant>
{
    public void Configure(EntityTypeBuilder<Merchant> b)
    {
        b.ToTable("merchants", "merchants");
        b.Property(m => m.OrgPath).HasMaxLength(400);
        b.Property(m => m.Name).HasMaxLength(100);
        b.Property(m => m.CreditCode).HasMaxLength(18);
        b.Property(m => m.Address).HasMaxLength(200);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => m.CreditCode).IsUnique();
        b.HasIndex(m => new { m.OrgPath, m.Name });
    }
}

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> b)
    {
        b.ToTable("offers", "merchants");
        b.Property(o => o.Title).HasMaxLength(100);
        b.Property(o => o.Value).HasPrecision(12, 2);
        b.HasIndex(o => o.MerchantId);
    }
}

internal sealed class MerchantStaffConfiguration : IEntityTypeConfiguration<MerchantStaff>
{
    public void Configure(EntityTypeBuilder<MerchantStaff> b)
    {
        b.ToTable("staff", "merchants");
        b.Property(s => s.UserName).HasMaxLength(50);
        b.Property(s => s.DisplayName).HasMaxLength(50);
        b.Property(s => s.PasswordHash).HasMaxLength(200);
        b.HasIndex(s => s.UserName).IsUnique();
        b.HasIndex(s => s.MerchantId);
    }
}

internal sealed class RedemptionConfiguration : IEntityTypeConfiguration<Redemption>
{
    public void Configure(EntityTypeBuilder<Redemption> b)
    {
        b.ToTable("redemptions", "merchants");
        b.Property(r => r.OrgPath).HasMaxLength(400);
        b.Property(r => r.PresentationKey).HasMaxLength(64);
        b.Property(r => r.UsageKey).HasMaxLength(20);
        b.Property(r => r.SaleAmount).HasPrecision(12, 2);
        b.Property(r => r.Discount).HasPrecision(12, 2);
        b.Property(r => r.HolderMasked).HasMaxLength(50);
        // Exactly once: one sale per shown code, and a limited offer once per member and period.
        b.HasIndex(r => r.PresentationKey).IsUnique();
        b.HasIndex(r => new { r.OfferId, r.MemberId, r.UsageKey }).IsUnique().HasFilter("\"UsageKey\" IS NOT NULL");
        b.HasIndex(r => new { r.MerchantId, r.Day });
        b.HasIndex(r => new { r.OrgPath, r.Day });
        // Sales wait here until counted into the tree's figures; the index holds only those, so it stays tiny.
        b.Property(r => r.Counted).HasDefaultValue(false);
        b.HasIndex(r => r.Id).HasFilter("NOT \"Counted\"").HasDatabaseName("IX_redemptions_uncounted");
    }
}