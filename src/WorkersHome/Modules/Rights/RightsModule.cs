using WorkersHome.Modules.Rights.Calendar;
using WorkersHome.Modules.Rights.TimeLimits;
using WorkersHome.Platform.Security;
using WorkersHome.Platform.Ui;

namespace WorkersHome.Modules.Rights;

public static class RightsPermissions
{
    /// <summary>Enters each year's holiday notice into the national working calendar that case deadlines count on.</summary>
    public const string ManageCalendar = "rights.calendar";

    /// <summary>Sets the time limits (accept, resolve, call back) of each kind and complexity of case.</summary>
    public const string ManageTimeLimits = "rights.time-limits";
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
        services.AddPageConventions(c => c.AuthorizeFolder("/Rights", Policies.Cadre));
        return services;
    }

    public static IEndpointRouteBuilder MapRights(this IEndpointRouteBuilder app)
    {
        RightsApi.Map(app);
        return app;
    }
}