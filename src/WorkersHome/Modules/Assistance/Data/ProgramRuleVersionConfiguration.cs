using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Assistance.Data;

internal sealed class ProgramRuleVersionConfiguration : IEntityTypeConfiguration<Programs.ProgramRuleVersion>
{
    public void Configure(EntityTypeBuilder<Programs.ProgramRuleVersion> b)
    {
        b.ToTable("program_rule_versions", "assistance");
        b.Property(v => v.RulesJson).HasMaxLength(20000);
        b.Property(v => v.CreatedBy).HasMaxLength(100);
        b.Property(v => v.Note).HasMaxLength(200);
        b.HasIndex(v => new { v.ProgramId, v.Number }).IsUnique();
    }
}