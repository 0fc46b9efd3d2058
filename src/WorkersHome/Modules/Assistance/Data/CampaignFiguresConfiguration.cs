using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Assistance.Data;

internal sealed class CampaignFiguresConfiguration : IEntityTypeConfiguration<Dashboard.CampaignFigures>
{
    public void Configure(EntityTypeBuilder<Dashboard.CampaignFigures> b)
    {
        b.ToTable("campaign_figures", "assistance");
        b.Property(f => f.OrgPath).HasMaxLength(400);
        b.Property(f => f.UpdatedBy).HasMaxLength(100);
        b.HasIndex(f => new { f.OrgId, f.Year }).IsUnique();
        b.HasIndex(f => new { f.Year, f.OrgPath });
    }
}