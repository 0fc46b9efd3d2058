using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Members.Data;

internal sealed class MembershipEventConfiguration : IEntityTypeConfiguration<MembershipEvent>
{
    public void Configure(EntityTypeBuilder<MembershipEvent> b)
    {
        b.ToTable("events", "members");
        b.Property(e => e.Note).HasMaxLength(500);
        b.Property(e => e.ActorName).HasMaxLength(100);
        b.HasIndex(e => new { e.MemberId, e.Id });
    }
}