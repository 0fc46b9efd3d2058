using Hangfire;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;

using WorkersHome.Platform.Persistence;

namespace WorkersHome.Platform.Jobs;

public sealed class JobOptions
{
    /// <summary>Whether this instance runs jobs (a web-only instance may leave them to others).</summary>
    public bool Server { get; set; } = true;

    public int Workers { get; set; } = 2;

    /// <summary>How often the engine looks for due schedules; recurring work is minute-grained anyway.</summary>
    public int SchedulePollingSeconds { get; set; } = 15;
}

/// <summary>
/// The job engine (docs/adr/0021): Hangfire, storing its jobs and locks in the product's PostgreSQL database (schema
/// "jobs", created by Hangfire itself), so that any number of instances share one schedule; in memory with the embedded
/// SQLite database, which runs as a single instance.
/// </summary>
public static class JobEngine
{
    public static IServiceCollection AddJobEngine(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Jobs").Get<JobOptions>() ?? new JobOptions());
        services.AddHangfire((sp, c) =>
        {
            c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            var connection = DatabaseSetup.ConnectionString(sp.GetRequiredService<IConfiguration>());
            if (DatabaseOptions.DetectProvider(connection) == DatabaseProvider.PostgreSql)
            {
                c.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connection), new PostgreSqlStorageOptions
                {
                    SchemaName = "jobs",
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = TimeSpan.FromSeconds(2),
                });
            }
            else
            {
                c.UseInMemoryStorage();
            }
        });
        services.AddScoped<RecurringWorkRunner>();
        services.AddHostedService<JobServerHost>();
        return services;
    }
}

/// <summary>Runs one registered piece of recurring work in a scope of its own that sees the whole tree.</summary>
public sealed class RecurringWorkRunner(IServiceProvider services, IEnumerable<RecurringWorkSchedule> schedules, ILogger<RecurringWorkRunner> log)
{
    /// <summary>Never two runs of the same job at once, even across instances; a failed run is retried a few times, then waits for its next turn.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(string id, CancellationToken ct)
    {
        var schedule = schedules.FirstOrDefault(s => s.Id == id);
        if (schedule is null)
        {
            log.LogWarning("No recurring work is registered as {Id}; the stored schedule is stale", id);
            return;
        }

        services.GetRequiredService<AppDbContext>().UseWholeTree();
        var handled = await ((IRecurringWork)services.GetRequiredService(schedule.WorkType)).RunAsync(ct);
        if (handled > 0)
        {
            log.LogInformation("{Id} handled {Count} items", id, handled);
        }
    }
}

/// <summary>
/// Starts this instance's job server when <see cref="JobOptions.Server"/> says so (read when the host starts, so that
/// tests and hosts may turn it off), after writing the registered schedules into the engine — idempotent, every
/// instance may do it — and dropping ones no longer registered. A database that cannot be reached yet does not stop
/// the app from starting (its readiness check reports it): the job server keeps trying in the background.
/// </summary>
public sealed class JobServerHost(IServiceProvider services, JobOptions options, ILogger<JobServerHost> log) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(15);

    private BackgroundJobServerHostedService? _server;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Server)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Resolving the configuration applies it globally: storage, serializer and the activator that takes jobs from DI.
                services.GetRequiredService<IGlobalConfiguration>();
                var storage = services.GetRequiredService<JobStorage>();
                Schedule(services.GetRequiredService<IRecurringJobManager>(), storage, services.GetServices<RecurringWorkSchedule>());
                _server = new BackgroundJobServerHostedService(storage, new BackgroundJobServerOptions
                {
                    WorkerCount = Math.Max(1, options.Workers),
                    SchedulePollingInterval = TimeSpan.FromSeconds(Math.Max(1, options.SchedulePollingSeconds)),
                    ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}",
                }, []);
                await _server.StartAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "The job server could not start; trying again in {Seconds} s", RetryAfter.TotalSeconds);
            }

            try
            {
                await Task.Delay(RetryAfter, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
        }

        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _server?.Dispose();
        base.Dispose();
    }

    private static void Schedule(IRecurringJobManager jobs, JobStorage storage, IEnumerable<RecurringWorkSchedule> schedules)
    {
        var wanted = schedules.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        using (var connection = storage.GetConnection())
        {
            foreach (var stale in connection.GetRecurringJobs().Select(j => j.Id).Where(id => !wanted.Contains(id)))
            {
                jobs.RemoveIfExists(stale);
            }
        }

        foreach (var s in schedules)
        {
            jobs.AddOrUpdate<RecurringWorkRunner>(s.Id, r => r.RunAsync(s.Id, CancellationToken.None), s.Cron);
        }
    }
}