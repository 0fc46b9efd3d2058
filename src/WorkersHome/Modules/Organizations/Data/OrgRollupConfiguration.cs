using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Organizations.Data;

internal sealed class OrgRollupConfiguration : IEntityTypeConfiguration<OrgRollup>
{
    public void Configure(EntityTypeBuilder<OrgRollup> b)
    {
        b.ToTable("rollups", OrgSchema.Name);
        b.HasKey(r => r.OrgId);
        b.Property(r => r.OrgId).ValueGeneratedNever();
    }
}