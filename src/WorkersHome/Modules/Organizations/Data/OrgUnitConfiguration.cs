using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Organizations.Data;

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.ToTable("units", OrgSchema.Name);
        b.HasKey(o => o.Id);
        b.Property(o => o.Code).HasMaxLength(20);
        b.Property(o => o.Name).HasMaxLength(100);
        b.Property(o => o.Path).HasMaxLength(400);
        b.Property(o => o.EmployerName).HasMaxLength(200);
        b.Property(o => o.CreditCode).HasMaxLength(18);
        b.Property(o => o.Address).HasMaxLength(200);
        b.Property(o => o.ChairName).HasMaxLength(50);
        b.Property(o => o.ContactName).HasMaxLength(50);
        b.Property(o => o.ContactPhone).HasMaxLength(30);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasIndex(o => o.Code).IsUnique();
        b.HasIndex(o => o.Path).IsUnique();
        b.HasIndex(o => new { o.ParentId, o.Status });
        b.HasIndex(o => o.CreditCode);
    }
}