using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Merchants.Data;

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