using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Organizations.Data;

internal sealed class OrgHistoryConfiguration : IEntityTypeConfiguration<OrgHistoryEntry>
{
    public void Configure(EntityTypeBuilder<OrgHistoryEntry> b)
    {
        b.ToTable("history", OrgSchema.Name);
        b.Property(h => h.Detail).HasMaxLength(1000);
        b.Property(h => h.ActorName).HasMaxLength(100);
        b.HasIndex(h => new { h.OrgId, h.Id });
    }
}