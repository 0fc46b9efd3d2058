using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using WorkersHome.Modules.Rights.TimeLimits;

namespace WorkersHome.Modules.Rights.Data;

internal sealed class TimeLimitRuleConfiguration : IEntityTypeConfiguration<TimeLimitRule>
{
    public void Configure(EntityTypeBuilder<TimeLimitRule> b)
    {
        b.ToTable("time_limit_rules", "rights");
        b.HasKey(r => new { r.Kind, r.Complexity });
        b.HasData(TimeLimitRule.Defaults);
    }
}