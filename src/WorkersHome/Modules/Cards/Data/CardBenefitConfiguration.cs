using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Cards.Data;

internal sealed class CardBenefitConfiguration : IEntityTypeConfiguration<CardBenefit>
{
    public void Configure(EntityTypeBuilder<CardBenefit> b)
    {
        b.ToTable("benefits", "cards");
        b.Property(c => c.OrgPath).HasMaxLength(400);
        b.Property(c => c.Zh).HasMaxLength(100);
        b.Property(c => c.En).HasMaxLength(200);
        b.HasIndex(c => c.OrgPath);
    }
}