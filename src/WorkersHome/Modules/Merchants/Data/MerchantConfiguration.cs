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