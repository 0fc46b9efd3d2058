using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Members.Data;

internal sealed class MemberJoinStatsConfiguration : IEntityTypeConfiguration<Statistics.MemberJoinStats>
{
    public void Configure(EntityTypeBuilder<Statistics.MemberJoinStats> b)
    {
        b.ToTable("join_stats", "members");
        b.HasKey(s => new { s.OrgCode, s.Year });
        b.Property(s => s.OrgCode).HasMaxLength(20);
    }
}