using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using WorkersHome.Modules.Rights.Cases;

namespace WorkersHome.Modules.Rights.Data;

internal sealed class RightsCaseConfiguration : IEntityTypeConfiguration<RightsCase>
{
    public void Configure(EntityTypeBuilder<RightsCase> b)
    {
        b.ToTable("cases", "rights");
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.TrackingNumber).HasMaxLength(20);
        b.Property(c => c.SubmissionKey).HasMaxLength(120);
        b.Property(c => c.Subject).HasMaxLength(CaseRules.MaxSubject);
        b.Property(c => c.DetailsCipher).HasMaxLength(12000);
        b.Property(c => c.CallerName).HasMaxLength(30);
        b.Property(c => c.PhoneCipher).HasMaxLength(200);
        b.Property(c => c.PhoneHash).HasMaxLength(64);
        b.Property(c => c.PhoneMasked).HasMaxLength(20);
        b.Property(c => c.EmployerUnionPath).HasMaxLength(400);
        b.Property(c => c.EmployerName).HasMaxLength(100);
        b.Property(c => c.OrgPath).HasMaxLength(400);
        b.Property(c => c.AmountClaimed).HasPrecision(14, 2);
        b.Property(c => c.AmountRecovered).HasPrecision(14, 2);
        b.Property(c => c.Result).HasMaxLength(CaseRules.MaxDetails);
        b.Property(c => c.FiledBy).HasMaxLength(100);
        b.Property(c => c.Handler).HasMaxLength(100);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.SenderCipher).HasMaxLength(300);
        b.Property(c => c.SenderHash).HasMaxLength(64);
        b.Ignore(c => c.IsOpen);
        b.Ignore(c => c.NeedsMembersWord);
        b.Ignore(c => c.CurrentDueAt);
        b.Property(c => c.EscalatedOrgPath).HasMaxLength(400);
        // The supervisors' overdue queue: cases escalated to their union.
        b.HasIndex(c => new { c.EscalatedOrgPath, c.Status });
        b.HasIndex(c => c.TrackingNumber).IsUnique();
        b.HasIndex(c => c.SubmissionKey).IsUnique();
        // A handler's queue: the subtree's cases by status, newest first.
        b.HasIndex(c => new { c.OrgPath, c.Status, c.ReceivedAt });
        b.HasIndex(c => new { c.MemberId, c.ReceivedAt });
        b.HasIndex(c => new { c.PhoneHash, c.ReceivedAt });
        // A WeChat member's next message finds their open case.
        b.HasIndex(c => new { c.SenderHash, c.Status });
    }
}

internal sealed class CaseStepConfiguration : IEntityTypeConfiguration<CaseStep>
{
    public void Configure(EntityTypeBuilder<CaseStep> b)
    {
        b.ToTable("case_steps", "rights");
        b.Property(s => s.Actor).HasMaxLength(100);
        b.Property(s => s.ActorOrg).HasMaxLength(100);
        b.Property(s => s.ToOrgName).HasMaxLength(100);
        b.Property(s => s.Note).HasMaxLength(CaseRules.MaxDetails);
        b.HasIndex(s => new { s.CaseId, s.Id });
    }
}

internal sealed class WageRecoveryConfiguration : IEntityTypeConfiguration<WageRecovery>
{
    public void Configure(EntityTypeBuilder<WageRecovery> b)
    {
        b.ToTable("wage_recoveries", "rights");
        b.Property(r => r.Amount).HasPrecision(14, 2);
        b.Property(r => r.RecordedBy).HasMaxLength(100);
        b.Property(r => r.Note).HasMaxLength(CaseRules.MaxNote);
        b.HasIndex(r => r.CaseId);
    }
}
internal sealed class LawyerConfiguration : IEntityTypeConfiguration<Lawyer>
{
    public void Configure(EntityTypeBuilder<Lawyer> b)
    {
        b.ToTable("lawyers", "rights");
        b.Property(l => l.Name).HasMaxLength(30);
        b.Property(l => l.Firm).HasMaxLength(60);
        b.Property(l => l.LicenseNumber).HasMaxLength(17);
        b.Property(l => l.Specialties).HasMaxLength(100);
        b.Property(l => l.ConflictsWith).HasMaxLength(1000);
        b.Property(l => l.OrgPath).HasMaxLength(400);
        b.HasIndex(l => l.LicenseNumber).IsUnique();
        b.HasIndex(l => l.OrgPath);
    }
}