using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Assistance.Data;

internal sealed class ProgramBudgetConfiguration : IEntityTypeConfiguration<Programs.ProgramBudget>
{
    public void Configure(EntityTypeBuilder<Programs.ProgramBudget> b)
    {
        b.ToTable("program_budgets", "assistance");
        b.Property(x => x.OrgPath).HasMaxLength(400);
        b.Property(x => x.OrgName).HasMaxLength(100);
        b.Property(x => x.Amount).HasPrecision(16, 2);
        b.Property(x => x.AllocatedOut).HasPrecision(16, 2);
        b.Property(x => x.Reserved).HasPrecision(16, 2);
        b.Property(x => x.Paid).HasPrecision(16, 2);
        b.Ignore(x => x.Available);
        // One budget per org and program: two cadres allocating to a new org at once make one row.
        b.HasIndex(x => new { x.ProgramId, x.OrgId }).IsUnique();
    }
}