using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Assistance.Data;

internal sealed class ApplicationStepConfiguration : IEntityTypeConfiguration<Applications.ApplicationStep>
{
    public void Configure(EntityTypeBuilder<Applications.ApplicationStep> b)
    {
        b.ToTable("application_steps", "assistance");
        b.Property(s => s.Actor).HasMaxLength(100);
        b.Property(s => s.ActorOrg).HasMaxLength(100);
        b.Property(s => s.Outcome).HasMaxLength(800);
        b.Property(s => s.Reason).HasMaxLength(500);
        b.HasIndex(s => s.ApplicationId);
    }
}