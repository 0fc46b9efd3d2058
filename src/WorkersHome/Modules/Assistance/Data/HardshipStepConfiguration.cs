using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using WorkersHome.Modules.Assistance.Archive;

namespace WorkersHome.Modules.Assistance.Data;

internal sealed class HardshipStepConfiguration : IEntityTypeConfiguration<HardshipStep>
{
    public void Configure(EntityTypeBuilder<HardshipStep> b)
    {
        b.ToTable("hardship_steps", "assistance");
        b.Property(s => s.Actor).HasMaxLength(100);
        b.Property(s => s.ActorOrg).HasMaxLength(100);
        b.Property(s => s.Outcome).HasMaxLength(500);
        b.Property(s => s.Reason).HasMaxLength(500);
        b.HasIndex(s => s.FileId);
    }
}