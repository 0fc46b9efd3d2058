using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Members.Data;

internal sealed class ImportColumnMappingConfiguration : IEntityTypeConfiguration<Import.ImportColumnMapping>
{
    public void Configure(EntityTypeBuilder<Import.ImportColumnMapping> b)
    {
        b.ToTable("import_column_mappings", "members");
        b.HasKey(m => m.OrgPath);
        b.Property(m => m.OrgPath).HasMaxLength(400);
        b.Property(m => m.Map).HasMaxLength(4000);
        b.Property(m => m.UpdatedBy).HasMaxLength(100);
    }
}