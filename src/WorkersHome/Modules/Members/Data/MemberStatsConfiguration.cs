using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Members.Data;

internal sealed class MemberStatsConfiguration : IEntityTypeConfiguration<Statistics.MemberStats>
{
    public void Configure(EntityTypeBuilder<Statistics.MemberStats> b)
    {
        b.ToTable("stats", "members");
        b.HasKey(s => s.OrgCode);
        b.Property(s => s.OrgCode).HasMaxLength(20);
    }
}