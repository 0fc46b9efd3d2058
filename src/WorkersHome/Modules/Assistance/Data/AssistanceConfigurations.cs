using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using WorkersHome.Modules.Assistance.Archive;

namespace WorkersHome.Modules.Assistance.Data;

internal sealed class HardshipFileConfiguration : IEntityTypeConfiguration<HardshipFile>
{
    public void Configure(EntityTypeBuilder<HardshipFile> b)
    {
        b.ToTable("hardship_files", "assistance");
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.MemberName).HasMaxLength(50);
        b.Property(f => f.IdMasked).HasMaxLength(40);
        b.Property(f => f.OrgPath).HasMaxLength(400);
        b.Property(f => f.DetailsCipher).HasMaxLength(20000);
        b.Property(f => f.CheckedBy).HasMaxLength(100);
        b.Property(f => f.ProposedBy).HasMaxLength(100);
        b.Property(f => f.FiledBy).HasMaxLength(100);
        b.Property(f => f.LastReason).HasMaxLength(500);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.Ignore(f => f.IsOpen);
        b.Ignore(f => f.ThreeChecksDone);
        // One open file per member: two submissions at once file one.
        b.HasIndex(f => f.MemberId).IsUnique().HasFilter("\"Status\" <> 5").HasDatabaseName("IX_hardship_files_MemberId_Open");
        b.HasIndex(f => new { f.OrgPath, f.Status });
        b.HasIndex(f => new { f.Status, f.ReviewDueOn });
    }
}

internal sealed class HardshipStepConfiguration : IEntityTypeConfiguration<HardshipStep>
{
    public void Configure(EntityTypeBuilder<HardshipStep> b)
    {
        b.ToTable("hardship_steps", "assistance");
        b.Property(s => s.Actor).HasMaxLength(100);
        b.Property(s => s.ActorOrg).HasMaxLength(100);
        b.Property(s => s.Outcome).HasMaxLength(500);
        b.Property(s => s.Reason).HasMaxLength(500);
        b.HasIndex(s => s.FileId);
    }
}

internal sealed class HardshipAttachmentConfiguration : IEntityTypeConfiguration<HardshipAttachment>
{
    public void Configure(EntityTypeBuilder<HardshipAttachment> b)
    {
        b.ToTable("hardship_attachments", "assistance");
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.FileName).HasMaxLength(100);
        b.Property(a => a.ContentType).HasMaxLength(40);
        b.Property(a => a.UploadedBy).HasMaxLength(100);
        b.Ignore(a => a.StoredName);
        b.HasIndex(a => a.FileId);
    }
}
internal sealed class AssistanceProgramConfiguration : IEntityTypeConfiguration<Programs.AssistanceProgram>
{
    public void Configure(EntityTypeBuilder<Programs.AssistanceProgram> b)
    {
        b.ToTable("programs", "assistance");
        b.Property(p => p.Name).HasMaxLength(60);
        b.Property(p => p.OrgPath).HasMaxLength(400);
        b.Property(p => p.OrgName).HasMaxLength(100);
        b.Property(p => p.CreatedBy).HasMaxLength(100);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.OrgPath);
    }
}

internal sealed class ProgramRuleVersionConfiguration : IEntityTypeConfiguration<Programs.ProgramRuleVersion>
{
    public void Configure(EntityTypeBuilder<Programs.ProgramRuleVersion> b)
    {
        b.ToTable("program_rule_versions", "assistance");
        b.Property(v => v.RulesJson).HasMaxLength(20000);
        b.Property(v => v.CreatedBy).HasMaxLength(100);
        b.Property(v => v.Note).HasMaxLength(200);
        b.HasIndex(v => new { v.ProgramId, v.Number }).IsUnique();
    }
}

internal sealed class ProgramBudgetConfiguration : IEntityTypeConfiguration<Programs.ProgramBudget>
{
    public void Configure(EntityTypeBuilder<Programs.ProgramBudget> b)
    {
        b.ToTable("program_budgets", "assistance");
        b.Property(x => x.OrgPath).HasMaxLength(400);
        b.Property(x => x.OrgName).HasMaxLength(100);
        b.Property(x => x.Amount).HasPrecision(16, 2);
        b.Property(x => x.AllocatedOut).HasPrecision(16, 2);
        b.Property(x => x.Reserved).HasPrecision(16, 2);
        b.Property(x => x.Paid).HasPrecision(16, 2);
        b.Ignore(x => x.Available);
        // One budget per org and program: two cadres allocating to a new org at once make one row.
        b.HasIndex(x => new { x.ProgramId, x.OrgId }).IsUnique();
    }
}

internal sealed class FundEntryConfiguration : IEntityTypeConfiguration<Programs.FundEntry>
{
    public void Configure(EntityTypeBuilder<Programs.FundEntry> b)
    {
        b.ToTable("fund_entries", "assistance");
        b.Property(e => e.Amount).HasPrecision(16, 2);
        b.Property(e => e.IdempotencyKey).HasMaxLength(120);
        b.Property(e => e.Actor).HasMaxLength(100);
        b.HasIndex(e => e.IdempotencyKey).IsUnique();
        b.HasIndex(e => new { e.ProgramId, e.BudgetId, e.Kind });
        b.HasIndex(e => e.ApplicationId);
    }
}

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

internal sealed class ApplicationStepConfiguration : IEntityTypeConfiguration<Applications.ApplicationStep>
{
    public void Configure(EntityTypeBuilder<Applications.ApplicationStep> b)
    {
        b.ToTable("application_steps", "assistance");
        b.Property(s => s.Actor).HasMaxLength(100);
        b.Property(s => s.ActorOrg).HasMaxLength(100);
        b.Property(s => s.Outcome).HasMaxLength(800);
        b.Property(s => s.Reason).HasMaxLength(500);
        b.HasIndex(s => s.ApplicationId);
    }
}
internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Disbursement.Payment>
{
    public void Configure(EntityTypeBuilder<Disbursement.Payment> b)
    {
        b.ToTable("payments", "assistance");
        b.Property(p => p.OrgPath).HasMaxLength(400);
        b.Property(p => p.PayeeName).HasMaxLength(50);
        b.Property(p => p.IdMasked).HasMaxLength(40);
        b.Property(p => p.BankName).HasMaxLength(40);
        b.Property(p => p.AccountCipher).HasMaxLength(400);
        b.Property(p => p.AccountMasked).HasMaxLength(40);
        b.Property(p => p.Amount).HasPrecision(16, 2);
        b.Property(p => p.FailureReason).HasMaxLength(200);
        // One payment per approved application, ever.
        b.HasIndex(p => p.ApplicationId).IsUnique();
        b.HasIndex(p => new { p.ProgramId, p.Status, p.OrgPath });
        b.HasIndex(p => new { p.BatchId, p.Status });
    }
}

internal sealed class PaymentBatchConfiguration : IEntityTypeConfiguration<Disbursement.PaymentBatch>
{
    public void Configure(EntityTypeBuilder<Disbursement.PaymentBatch> b)
    {
        b.ToTable("payment_batches", "assistance");
        b.Property(x => x.OrgPath).HasMaxLength(400);
        b.Property(x => x.OrgName).HasMaxLength(100);
        b.Property(x => x.Total).HasPrecision(16, 2);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Property(x => x.ConfirmedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.RequestKey).IsUnique();
        b.HasIndex(x => new { x.ProgramId, x.OrgPath });
    }
}
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
internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visits.Visit>
{
    public void Configure(EntityTypeBuilder<Visits.Visit> b)
    {
        b.ToTable("visits", "assistance");
        b.Property(v => v.Id).ValueGeneratedNever();
        b.Property(v => v.Campaign).HasMaxLength(60);
        b.Property(v => v.MemberName).HasMaxLength(50);
        b.Property(v => v.OrgPath).HasMaxLength(400);
        b.Property(v => v.Visitors).HasMaxLength(100);
        b.Property(v => v.Given).HasMaxLength(200);
        b.Property(v => v.GivenAmount).HasPrecision(12, 2);
        b.Property(v => v.Notes).HasMaxLength(500);
        b.Property(v => v.PlannedBy).HasMaxLength(100);
        b.Property(v => v.RecordedBy).HasMaxLength(100);
        b.Property(v => v.Version).IsConcurrencyToken();
        // One visit per household, group and campaign: planning a campaign again adds only what is missing.
        b.HasIndex(v => new { v.Campaign, v.MemberId, v.Group }).IsUnique();
        b.HasIndex(v => new { v.Status, v.DueOn });
        b.HasIndex(v => v.OrgPath);
    }
}

internal sealed class VisitPhotoConfiguration : IEntityTypeConfiguration<Visits.VisitPhoto>
{
    public void Configure(EntityTypeBuilder<Visits.VisitPhoto> b)
    {
        b.ToTable("visit_photos", "assistance");
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.FileName).HasMaxLength(100);
        b.Property(p => p.ContentType).HasMaxLength(40);
        b.Ignore(p => p.StoredName);
        b.HasIndex(p => p.VisitId);
    }
}
internal sealed class CampaignFiguresConfiguration : IEntityTypeConfiguration<Dashboard.CampaignFigures>
{
    public void Configure(EntityTypeBuilder<Dashboard.CampaignFigures> b)
    {
        b.ToTable("campaign_figures", "assistance");
        b.Property(f => f.OrgPath).HasMaxLength(400);
        b.Property(f => f.UpdatedBy).HasMaxLength(100);
        b.HasIndex(f => new { f.OrgId, f.Year }).IsUnique();
        b.HasIndex(f => new { f.Year, f.OrgPath });
    }
}