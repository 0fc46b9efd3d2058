using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using WorkersHome.Modules.Members.CodeTables;

namespace WorkersHome.Modules.Members.Data;

internal sealed class CodeSynonymConfiguration : IEntityTypeConfiguration<CodeSynonym>
{
    public void Configure(EntityTypeBuilder<CodeSynonym> b)
    {
        b.ToTable("code_synonyms", "members");
        b.HasKey(s => new { s.Table, s.Text });
        b.Property(s => s.Table).HasMaxLength(30);
        b.Property(s => s.Text).HasMaxLength(CodeSynonym.MaxLength);
        b.Property(s => s.Code).HasMaxLength(4);
        b.HasData(StandardCodes.Synonyms());
    }
}