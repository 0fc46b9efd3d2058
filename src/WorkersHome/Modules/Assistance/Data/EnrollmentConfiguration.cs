using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Assistance.Data;

internal sealed class EnrollmentConfiguration : IEntityTypeConfiguration<MutualAid.Enrollment>
{
    public void Configure(EntityTypeBuilder<MutualAid.Enrollment> b)
    {
        b.ToTable("mutual_aid_enrollments", "assistance");
        b.Property(e => e.OrgPath).HasMaxLength(400);
        b.Property(e => e.PersonName).HasMaxLength(50);
        b.Property(e => e.PersonIdHash).HasMaxLength(100);
        b.Property(e => e.IdMasked).HasMaxLength(40);
        b.Property(e => e.Premium).HasPrecision(12, 2);
        b.Property(e => e.EnrolledBy).HasMaxLength(100);
        // One enrolment per person and period.
        b.HasIndex(e => new { e.ProgramId, e.PersonIdHash }).IsUnique();
        b.HasIndex(e => new { e.ProgramId, e.MemberId });
        b.HasIndex(e => new { e.ProgramId, e.OrgPath });
    }
}