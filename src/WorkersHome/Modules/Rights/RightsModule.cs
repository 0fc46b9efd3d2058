using WorkersHome.Modules.Rights.Calendar;
using WorkersHome.Modules.Rights.Cases;
using WorkersHome.Modules.Rights.Knowledge;
using WorkersHome.Modules.Rights.Messaging;
using WorkersHome.Modules.Rights.TimeLimits;
using WorkersHome.Platform.Jobs;
using WorkersHome.Platform.Security;
using WorkersHome.Platform.Ui;

namespace WorkersHome.Modules.Rights;

public static class RightsPermissions
{
    /// <summary>Enters each year's holiday notice into the national working calendar that case deadlines count on.</summary>
    public const string ManageCalendar = "rights.calendar";

    /// <summary>Sets the time limits (accept, resolve, call back) of each kind and complexity of case.</summary>
    public const string ManageTimeLimits = "rights.time-limits";

    /// <summary>Sees the cases of their subtree: queues, case pages, the dashboard.</summary>
    public const string View = "rights.view";

    /// <summary>Takes calls and messages into cases (统一接听) and answers consultations on the spot.</summary>
    public const string Intake = "rights.intake";

    /// <summary>Works on cases: accepts, transfers, records actions and recovered wages, pauses, resolves, calls back.</summary>
    public const string Handle = "rights.handle";

    /// <summary>Transfers a case to another union (an agent dispatching, or a handler passing it on).</summary>
    public const string Transfer = "rights.transfer";

    /// <summary>Supervises: quality checks of closed cases, the overdue queue of escalated cases.</summary>
    public const string Supervise = "rights.supervise";

    /// <summary>Writes, corrects, publishes and withdraws the knowledge base's articles (agents search it with <see cref="View"/>).</summary>
    public const string Knowledge = "rights.knowledge";
}

/// <summary>Settings of the case system (section "Rights").</summary>
public sealed class RightsOptions
{
    /// <summary>The share of closed cases, in percent, sampled for the supervisors' quality check (cases once not satisfied always are).</summary>
    public int QualitySamplePercent { get; set; } = 10;
}

/// <summary>维权 and the 12351 hotline: cases from every channel, handled by level on business-day time limits.</summary>
public static class RightsModule
{
    public static IServiceCollection AddRights(this IServiceCollection services, PermissionRegistry permissions)
    {
        permissions.Declare(RightsPermissions.ManageCalendar, "维护工作日历（法定节假日与调休）", "Keep the working calendar (public holidays and make-up days)",
            Roles.SystemAdministrator);
        services.AddScoped<WorkCalendar>();
        services.AddScoped<SetCalendarDay>();
        permissions.Declare(RightsPermissions.ManageTimeLimits, "维护维权案件办理时限", "Keep the rights cases' time limits", Roles.SystemAdministrator);
        services.AddScoped<TimeLimitQueries>();
        services.AddScoped<SetTimeLimit>();
        permissions
            .Declare(RightsPermissions.View, "查看维权案件", "View rights cases", Roles.UnionAdministrator, Roles.HotlineAgent, Roles.RightsOfficer, Roles.Auditor)
            .Declare(RightsPermissions.Intake, "登记维权诉求（12351 接听）", "Take rights cases in (12351)", Roles.HotlineAgent, Roles.RightsOfficer)
            .Declare(RightsPermissions.Handle, "办理维权案件", "Handle rights cases", Roles.RightsOfficer)
            .Declare(RightsPermissions.Transfer, "转办维权案件", "Transfer rights cases", Roles.HotlineAgent, Roles.RightsOfficer)
            .Declare(RightsPermissions.Supervise, "维权案件督办与质检", "Supervise rights cases and check their quality", Roles.UnionAdministrator);
        services.AddScoped<CaseRouting>();
        services.AddScoped<CaseSteps>();
        services.AddScoped<CaseReplies>();
        services.AddScoped<CaseIntake>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<CaseDeadlines>();
        services.AddScoped<CaseCallers>();
        services.AddScoped<AcceptCase>();
        services.AddScoped<TransferCase>();
        services.AddScoped<TransferTargets>();
        services.AddScoped<RecordCaseAction>();
        services.AddScoped<RecordWageRecovery>();
        services.AddScoped<CaseClock>();
        services.AddScoped<ResolveCase>();
        services.AddScoped<CallBackCase>();
        services.AddScoped<QualityCheckCase>();
        services.AddScoped<ConfirmOwnCase>();
        services.AddScoped<LegalAid>();
        CaseFigures.Register();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Rights").Get<RightsOptions>() ?? new RightsOptions());
        services.AddScoped<Dashboard.RightsDashboard>();
        services.AddRecurringWork<SlaSweep>(SlaSweep.JobId, "* * * * *");
        permissions.Declare(RightsPermissions.Knowledge, "维护维权知识库", "Keep the rights knowledge base", Roles.SystemAdministrator, Roles.UnionAdministrator);
        services.AddRightsKnowledge();
        services.AddRightsMessaging();
        services.AddPageConventions(c => c.AuthorizeFolder("/Rights", Policies.Cadre));
        return services;
    }

    public static IEndpointRouteBuilder MapRights(this IEndpointRouteBuilder app)
    {
        RightsApi.Map(app);
        CasesApi.Map(app);
        KnowledgeApi.Map(app);
        MessagingSetup.Map(app);
        return app;
    }
}