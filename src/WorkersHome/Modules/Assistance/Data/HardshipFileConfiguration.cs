using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using WorkersHome.Modules.Assistance.Archive;

namespace WorkersHome.Modules.Assistance.Data;

internal sealed class HardshipFileConfiguration : IEntityTypeConfiguration<HardshipFile>
{
    public void Configure(EntityTypeBuilder<HardshipFile> b)
    {
        b.ToTable("hardship_files", "assistance");
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.MemberName).HasMaxLength(50);
        b.Property(f => f.IdMasked).HasMaxLength(40);
        b.Property(f => f.OrgPath).HasMaxLength(400);
        b.Property(f => f.DetailsCipher).HasMaxLength(20000);
        b.Property(f => f.CheckedBy).HasMaxLength(100);
        b.Property(f => f.ProposedBy).HasMaxLength(100);
        b.Property(f => f.FiledBy).HasMaxLength(100);
        b.Property(f => f.LastReason).HasMaxLength(500);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.Ignore(f => f.IsOpen);
        b.Ignore(f => f.ThreeChecksDone);
        // One open file per member: two submissions at once file one.
        b.HasIndex(f => f.MemberId).IsUnique().HasFilter("\"Status\" <> 5").HasDatabaseName("IX_hardship_files_MemberId_Open");
        b.HasIndex(f => new { f.OrgPath, f.Status });
        b.HasIndex(f => new { f.Status, f.ReviewDueOn });
    }
}