using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Assistance.Data;

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visits.Visit>
{
    public void Configure(EntityTypeBuilder<Visits.Visit> b)
    {
        b.ToTable("visits", "assistance");
        b.Property(v => v.Id).ValueGeneratedNever();
        b.Property(v => v.Campaign).HasMaxLength(60);
        b.Property(v => v.MemberName).HasMaxLength(50);
        b.Property(v => v.OrgPath).HasMaxLength(400);
        b.Property(v => v.Visitors).HasMaxLength(100);
        b.Property(v => v.Given).HasMaxLength(200);
        b.Property(v => v.GivenAmount).HasPrecision(12, 2);
        b.Property(v => v.Notes).HasMaxLength(500);
        b.Property(v => v.PlannedBy).HasMaxLength(100);
        b.Property(v => v.RecordedBy).HasMaxLength(100);
        b.Property(v => v.Version).IsConcurrencyToken();
        // One visit per household, group and campaign: planning a campaign again adds only what is missing.
        b.HasIndex(v => new { v.Campaign, v.MemberId, v.Group }).IsUnique();
        b.HasIndex(v => new { v.Status, v.DueOn });
        b.HasIndex(v => v.OrgPath);
    }
}