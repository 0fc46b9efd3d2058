using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Assistance.Data;

internal sealed class AssistanceApplicationConfiguration : IEntityTypeConfiguration<Applications.AssistanceApplication>
{
    public void Configure(EntityTypeBuilder<Applications.AssistanceApplication> b)
    {
        b.ToTable("applications", "assistance");
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.MemberName).HasMaxLength(50);
        b.Property(a => a.IdMasked).HasMaxLength(40);
        b.Property(a => a.OrgPath).HasMaxLength(400);
        b.Property(a => a.Amount).HasPrecision(16, 2);
        b.Property(a => a.ExplanationZh).HasMaxLength(500);
        b.Property(a => a.ExplanationEn).HasMaxLength(800);
        b.Property(a => a.FirstApprover).HasMaxLength(100);
        b.Property(a => a.HouseholdIdHashes).HasMaxLength(1000);
        b.Property(a => a.PersonKey).HasMaxLength(100);
        b.Property(a => a.FactsCipher).HasMaxLength(20000);
        b.Property(a => a.FiledBy).HasMaxLength(100);
        b.Property(a => a.LastReason).HasMaxLength(500);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.IsWaiting);
        b.Ignore(a => a.Explanation);
        // One live application per person where the rules say so (rejected and withdrawn ones free the place).
        b.HasIndex(a => new { a.ProgramId, a.PersonKey }).IsUnique().HasFilter("\"Status\" NOT IN (4, 5)").HasDatabaseName("IX_applications_ProgramId_PersonKey_Live");
        b.HasIndex(a => a.SubmissionKey).IsUnique();
        b.HasIndex(a => new { a.ProgramId, a.Status, a.OrgPath });
        b.HasIndex(a => new { a.MemberId, a.ProgramId });
    }
}