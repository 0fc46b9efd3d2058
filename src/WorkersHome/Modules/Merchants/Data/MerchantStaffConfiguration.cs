using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Merchants.Data;

internal sealed class MerchantStaffConfiguration : IEntityTypeConfiguration<MerchantStaff>
{
    public void Configure(EntityTypeBuilder<MerchantStaff> b)
    {
        b.ToTable("staff", "merchants");
        b.Property(s => s.UserName).HasMaxLength(50);
        b.Property(s => s.DisplayName).HasMaxLength(50);
        b.Property(s => s.PasswordHash).HasMaxLength(200);
        b.HasIndex(s => s.UserName).IsUnique();
        b.HasIndex(s => s.MerchantId);
    }
}