namespace WorkersHome.Platform.Jobs;

/// <summary>
/// Work a module wants done on a schedule, on exactly one instance at a time (the job engine holds a distributed lock
/// per job), retried when it fails. It must be safe to run again after a crash: each run finds what is due from the
/// data, so that a run cut short loses nothing and a repeated run doubles nothing.
/// </summary>
public interface IRecurringWork
{
    /// <summary>Runs once; returns how many items it handled (for the log).</summary>
    Task<int> RunAsync(CancellationToken ct);
}

/// <summary>A registered schedule: the job's stable id, its cron expression (UTC) and the work's type.</summary>
public sealed record RecurringWorkSchedule(string Id, string Cron, Type WorkType);

public static class RecurringWorkRegistration
{
    /// <summary>Registers <typeparamref name="TWork"/> (scoped) to run on <paramref name="cron"/>, under the job id <paramref name="id"/>.</summary>
    public static IServiceCollection AddRecurringWork<TWork>(this IServiceCollection services, string id, string cron)
        where TWork : class, IRecurringWork
    {
        services.AddScoped<TWork>();
        services.AddSingleton(new RecurringWorkSchedule(id, cron, typeof(TWork)));
        return services;
    }
}