using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Assistance;

/// <summary>Named sets for the module's entities; their mapping lives in the configuration classes beside this file.</summary>
public static class AssistanceTables
{
    /// <summary>The Assistance module's tables, as properties of the one context (the module owns them; Platform does not know them).</summary>
    extension(AppDbContext db)
    {
        public DbSet<Archive.HardshipFile> HardshipFiles => db.Set<Archive.HardshipFile>();

        public DbSet<Archive.HardshipStep> HardshipSteps => db.Set<Archive.HardshipStep>();

        public DbSet<Archive.HardshipAttachment> HardshipAttachments => db.Set<Archive.HardshipAttachment>();

        public DbSet<Programs.AssistanceProgram> AssistancePrograms => db.Set<Programs.AssistanceProgram>();

        public DbSet<Programs.ProgramRuleVersion> ProgramRuleVersions => db.Set<Programs.ProgramRuleVersion>();

        public DbSet<Programs.ProgramBudget> ProgramBudgets => db.Set<Programs.ProgramBudget>();

        public DbSet<Programs.FundEntry> FundEntries => db.Set<Programs.FundEntry>();

        public DbSet<Applications.AssistanceApplication> AssistanceApplications => db.Set<Applications.AssistanceApplication>();

        public DbSet<Applications.ApplicationStep> ApplicationSteps => db.Set<Applications.ApplicationStep>();

        public DbSet<Disbursement.Payment> Payments => db.Set<Disbursement.Payment>();

        public DbSet<Disbursement.PaymentBatch> PaymentBatches => db.Set<Disbursement.PaymentBatch>();

        public DbSet<MutualAid.Enrollment> Enrollments => db.Set<MutualAid.Enrollment>();

        public DbSet<Visits.Visit> Visits => db.Set<Visits.Visit>();

        public DbSet<Visits.VisitPhoto> VisitPhotos => db.Set<Visits.VisitPhoto>();

        public DbSet<Dashboard.CampaignFigures> CampaignFigures => db.Set<Dashboard.CampaignFigures>();
    }
}