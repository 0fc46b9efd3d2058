using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Members.Data;

internal sealed class MemberLoginConfiguration : IEntityTypeConfiguration<SignIn.MemberLogin>
{
    public void Configure(EntityTypeBuilder<SignIn.MemberLogin> b)
    {
        b.ToTable("logins", "members");
        b.Property(l => l.PhoneHash).HasMaxLength(64);
        b.Property(l => l.PhoneMasked).HasMaxLength(20);
        b.HasIndex(l => l.PhoneHash).IsUnique();
        b.HasIndex(l => l.MemberId);
    }
}