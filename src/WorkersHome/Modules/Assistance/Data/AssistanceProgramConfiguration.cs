using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Assistance.Data;

internal sealed class AssistanceProgramConfiguration : IEntityTypeConfiguration<Programs.AssistanceProgram>
{
    public void Configure(EntityTypeBuilder<Programs.AssistanceProgram> b)
    {
        b.ToTable("programs", "assistance");
        b.Property(p => p.Name).HasMaxLength(60);
        b.Property(p => p.OrgPath).HasMaxLength(400);
        b.Property(p => p.OrgName).HasMaxLength(100);
        b.Property(p => p.CreatedBy).HasMaxLength(100);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.OrgPath);
    }
}