using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Assistance.Data;

internal sealed class FundEntryConfiguration : IEntityTypeConfiguration<Programs.FundEntry>
{
    public void Configure(EntityTypeBuilder<Programs.FundEntry> b)
    {
        b.ToTable("fund_entries", "assistance");
        b.Property(e => e.Amount).HasPrecision(16, 2);
        b.Property(e => e.IdempotencyKey).HasMaxLength(120);
        b.Property(e => e.Actor).HasMaxLength(100);
        b.HasIndex(e => e.IdempotencyKey).IsUnique();
        b.HasIndex(e => new { e.ProgramId, e.BudgetId, e.Kind });
        b.HasIndex(e => e.ApplicationId);
    }
}