using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Members.Data;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.ToTable("members", "members");
        // The name-key search function (migration MemberNameKeys) belongs to the members' table; the model has no other place for it.
        Browse.MemberNameKeys.Register(b.Metadata.Model);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.OrgPath).HasMaxLength(400);
        b.Property(m => m.Name).HasMaxLength(50);
        b.Property(m => m.EthnicityCode).HasMaxLength(4);
        b.Property(m => m.IdCipher).HasMaxLength(200);
        b.Property(m => m.IdHash).HasMaxLength(64);
        b.Property(m => m.IdMasked).HasMaxLength(40);
        b.Property(m => m.PhoneCipher).HasMaxLength(200);
        b.Property(m => m.PhoneHash).HasMaxLength(64);
        b.Property(m => m.PhoneMasked).HasMaxLength(20);
        b.Property(m => m.EducationCode).HasMaxLength(4);
        b.Property(m => m.PoliticalStatusCode).HasMaxLength(4);
        b.Property(m => m.EmployerName).HasMaxLength(200);
        b.Property(m => m.PlatformName).HasMaxLength(100);
        b.Property(m => m.HouseholdRegistration).HasMaxLength(200);
        b.Property(m => m.Version).IsConcurrencyToken();
        // One person, one record, nationwide: the keyed hash of the ID number is unique.
        b.HasIndex(m => m.IdHash).IsUnique();
        // Keyed hashes are only compared for equality: a hash index is smaller and cheaper to keep up than a B-tree on PostgreSQL.
        b.HasIndex(m => m.PhoneHash).HasMethod("hash");
        // Also serves "the members of one union" (OrgPath equal to the union's path); no separate OrgId index to keep up.
        // Name and Id ride along (not as keys, which every imported row would pay to compare) so that a name search
        // within a city reads the index alone and visits the table only for the page it shows.
        b.HasIndex(m => new { m.OrgPath, m.Status }).IncludeProperties(m => new { m.Name, m.Id });
    }
}