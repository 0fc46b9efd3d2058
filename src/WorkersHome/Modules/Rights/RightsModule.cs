using WorkersHome.Modules.Rights.Calendar;
using WorkersHome.Platform.Security;
using WorkersHome.Platform.Ui;

namespace WorkersHome.Modules.Rights;

public static class RightsPermissions
{
    /// <summary>Enters each year's holiday notice into the national working calendar that case deadlines count on.</summary>
    public const string ManageCalendar = "rights.calendar";
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
        services.AddPageConventions(c => c.AuthorizeFolder("/Rights", Policies.Cadre));
        return services;
    }

    public static IEndpointRouteBuilder MapRights(this IEndpointRouteBuilder app)
    {
        RightsApi.Map(app);
        return app;
    }
}