using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Cards.Data;

internal sealed class CardStatusChangeConfiguration : IEntityTypeConfiguration<CardStatusChange>
{
    public void Configure(EntityTypeBuilder<CardStatusChange> b)
    {
        b.ToTable("status_changes", "cards");
        b.Property(c => c.ActorName).HasMaxLength(100);
        b.Property(c => c.Reason).HasMaxLength(200);
        b.HasIndex(c => new { c.CardId, c.Id });
    }
}