using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Members.Data;

internal sealed class MemberImportConfiguration : IEntityTypeConfiguration<Import.MemberImport>
{
    public void Configure(EntityTypeBuilder<Import.MemberImport> b)
    {
        b.ToTable("imports", "members");
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.ActorName).HasMaxLength(100);
        b.Property(i => i.OrgPath).HasMaxLength(400);
        b.Property(i => i.FileName).HasMaxLength(200);
        b.Property(i => i.Culture).HasMaxLength(10);
        b.Property(i => i.Failure).HasMaxLength(500);
        b.Property(i => i.ColumnMap).HasMaxLength(4000);
        b.Property(i => i.Summary).HasMaxLength(8000);
        b.HasIndex(i => i.At);
        b.HasIndex(i => new { i.State, i.LeaseUntil });
    }
}