using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using WorkersHome.Modules.Members.CodeTables;

namespace WorkersHome.Modules.Members.Data;

internal sealed class CodeEntryConfiguration : IEntityTypeConfiguration<CodeEntry>
{
    public void Configure(EntityTypeBuilder<CodeEntry> b)
    {
        b.ToTable("code_entries", "members");
        b.HasKey(c => new { c.Table, c.Code });
        b.Property(c => c.Table).HasMaxLength(30);
        b.Property(c => c.Code).HasMaxLength(4);
        b.Property(c => c.Zh).HasMaxLength(50);
        b.Property(c => c.En).HasMaxLength(100);
        b.HasData(StandardCodes.All());
    }
}