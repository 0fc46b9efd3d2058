using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Members.Data;

internal sealed class JoinApplicationConfiguration : IEntityTypeConfiguration<Join.JoinApplication>
{
    public void Configure(EntityTypeBuilder<Join.JoinApplication> b)
    {
        b.ToTable("join_applications", "members");
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.PhoneHash).HasMaxLength(64);
        b.Property(a => a.PhoneCipher).HasMaxLength(200);
        b.Property(a => a.PhoneMasked).HasMaxLength(20);
        b.Property(a => a.Name).HasMaxLength(50);
        b.Property(a => a.IdHash).HasMaxLength(64);
        b.Property(a => a.IdCipher).HasMaxLength(200);
        b.Property(a => a.IdMasked).HasMaxLength(40);
        b.Property(a => a.Details).HasMaxLength(4000);
        b.Property(a => a.OrgPath).HasMaxLength(400);
        b.Property(a => a.DecidedBy).HasMaxLength(100);
        b.Property(a => a.Reason).HasMaxLength(500);
        b.Property(a => a.Version).IsConcurrencyToken();
        // One open application per person: a second tap on "submit" cannot file two.
        b.HasIndex(a => a.IdHash).IsUnique().HasFilter("\"Status\" = 1").HasDatabaseName("IX_join_applications_IdHash_Pending");
        b.HasIndex(a => a.PhoneHash);
        b.HasIndex(a => new { a.OrgPath, a.Status, a.SubmittedAt });
    }
}