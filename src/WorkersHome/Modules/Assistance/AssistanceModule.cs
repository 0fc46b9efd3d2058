using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Files;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance;

public static class AssistancePermissions
{
    public const string View = "assistance.view";
    public const string Manage = "assistance.manage";

    /// <summary>The household's health, work and income, and proof documents: seen only with this, and every view audited.</summary>
    public const string Sensitive = "assistance.sensitive";

    /// <summary>Create programs, edit their rules and allocate their budgets.</summary>
    public const string Programs = "assistance.programs";

    /// <summary>Make, confirm and send payment batches; download bank files with full account numbers; import results.</summary>
    public const string Pay = "assistance.pay";
}

/// <summary>帮扶: the hardship archive (困难职工档案), and assistance programs with their budgets, rules and applications.</summary>
public static class AssistanceModule
{
    /// <summary>The upload rule of the bank's result files on the batch page.</summary>
    public const string BankResultsUpload = "bank-results";

    /// <summary>A bank's result file lists one line per payment: even a province-wide batch stays far below this.</summary>
    public const long MaxBankResultsBytes = 20L * 1024 * 1024;

    public static IServiceCollection AddAssistance(this IServiceCollection services, PermissionRegistry permissions)
    {
        permissions
            .Declare(AssistancePermissions.View, "查看困难职工档案", "View the hardship archive", Roles.UnionAdministrator, Roles.AssistanceOfficer)
            .Declare(AssistancePermissions.Manage, "办理困难职工档案", "Work on hardship files", Roles.AssistanceOfficer)
            .Declare(AssistancePermissions.Sensitive, "查看家庭健康与收入信息", "See households' health and income", Roles.AssistanceOfficer)
            .Declare(AssistancePermissions.Programs, "管理帮扶项目、规则与预算", "Manage assistance programs, rules and budgets", Roles.UnionAdministrator, Roles.AssistanceOfficer)
            .Declare(AssistancePermissions.Pay, "帮扶资金代发", "Pay out assistance", Roles.FinanceOfficer);
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Assistance:Archive").Get<ArchiveOptions>() ?? new ArchiveOptions());
        services.AddUploadRule(HardshipAttachments.Upload, sp => sp.GetRequiredService<ArchiveOptions>().MaxAttachmentBytes, "证明材料", "A document");
        services.AddUploadRule(Visits.AddVisitPhoto.PhotoUpload, _ => Visits.AddVisitPhoto.MaxPhotoBytes, "走访照片", "A visit photo");
        services.AddUploadRule(BankResultsUpload, _ => MaxBankResultsBytes, "银行结果", "A bank result file");
        services.AddScoped<HardshipDetailsCipher>();
        services.AddScoped<HardshipFileSteps>();
        services.AddScoped<HardshipDecisionRules>();
        services.AddScoped<FileHardshipForMember>();
        services.AddScoped<FileOwnHardship>();
        services.AddScoped<RefileHardship>();
        services.AddScoped<CheckHardshipFile>();
        services.AddScoped<ProposeHardshipFile>();
        services.AddScoped<ApproveHardshipFile>();
        services.AddScoped<ReturnHardshipFile>();
        services.AddScoped<ReverifyHardshipFile>();
        services.AddScoped<ExitHardshipFile>();
        services.AddScoped<HardshipQueries>();
        services.AddScoped<HardshipAttachments>();
        services.AddScoped<HardshipLedger>();
        services.AddScoped<ReviewReminder>();
        services.AddHostedService<ReviewReminderLoop>();
        services.AddScoped<Programs.ProgramQueries>();
        services.AddScoped<Programs.ProgramChanges>();
        services.AddScoped<Programs.CreateProgram>();
        services.AddScoped<Programs.ChangeProgramRules>();
        services.AddScoped<Programs.ChangeProgramStatus>();
        services.AddScoped<Programs.FundLedger>();
        services.AddScoped<Programs.AllocateBudget>();
        services.AddScoped<Applications.ApplicationQueries>();
        services.AddScoped<Applications.ProgramEligibility>();
        services.AddScoped<Applications.ApplicationSteps>();
        services.AddScoped<Applications.ApplicationDecisionRules>();
        services.AddScoped<Applications.ApplicationFiling>();
        services.AddScoped<Applications.FinalApproval>();
        services.AddScoped<Applications.FileApplicationForMember>();
        services.AddScoped<Applications.FileOwnApplication>();
        services.AddScoped<Applications.ApproveApplication>();
        services.AddScoped<Applications.RejectApplication>();
        services.AddScoped<Applications.WithdrawOwnApplication>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Disbursement").Get<Disbursement.DisbursementOptions>() ?? new Disbursement.DisbursementOptions());
        services.AddScoped<Disbursement.DisbursementSteps>();
        services.AddScoped<Disbursement.CompileBatch>();
        services.AddScoped<Disbursement.ConfirmBatch>();
        services.AddScoped<Disbursement.SendBatch>();
        services.AddScoped<Disbursement.ImportBankResults>();
        services.AddScoped<Disbursement.ReversePayment>();
        services.AddScoped<Disbursement.RetryPayment>();
        services.AddScoped<Disbursement.CancelPayment>();
        services.AddScoped<Disbursement.DisbursementQueries>();
        services.AddScoped<Disbursement.BankFiles>();
        services.AddScoped<MutualAid.EnrollInMutualAid>();
        services.AddScoped<MutualAid.EnrollmentQueries>();
        services.AddScoped<Visits.PlanVisits>();
        services.AddScoped<Visits.RecordVisit>();
        services.AddScoped<Visits.AddVisitPhoto>();
        services.AddScoped<Visits.VisitQueries>();
        services.AddScoped<Dashboard.CampaignDashboard>();
        services.AddScoped<IMembershipFollower, AssistanceMembershipFollower>();
        return services;
    }

    public static IEndpointRouteBuilder MapAssistance(this IEndpointRouteBuilder app)
    {
        AssistanceApi.Map(app);
        ProgramsApi.Map(app);
        DisbursementApi.Map(app);
        return app;
    }
}