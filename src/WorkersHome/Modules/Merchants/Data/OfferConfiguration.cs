using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Merchants.Data;

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