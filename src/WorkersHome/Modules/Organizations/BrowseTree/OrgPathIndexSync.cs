using Microsoft.EntityFrameworkCore;

using Npgsql;

using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Organizations.BrowseTree;

/// <summary>
/// Keeps <see cref="OrgPathIndex"/> in step with the database. On PostgreSQL it LISTENs for the
/// notification that every move sends in its transaction, so each app instance drops its copy when
/// another instance moves a subtree; while that connection is down the index is not used.
/// Embedded SQLite has one instance, whose moves invalidate the index directly.
/// </summary>
public sealed class OrgPathIndexSync(OrgPathIndex index, ILogger<OrgPathIndexSync> log)
{
    public const string Channel = "workershome_org_paths";

    /// <param name="reload">Loads the index afresh (see <see cref="LoadAsync"/>) on a context of its own.</param>
    public async Task RunAsync(Func<CancellationToken, Task> reload, string connectionString, CancellationToken ct)
    {
        if (DatabaseOptions.DetectProvider(connectionString) == DatabaseProvider.Sqlite)
        {
            index.SetTrusted(true);
            await ReloadLoopAsync(reload, ct);
            return;
        }

        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(ct);
                connection.Notification += (_, _) => index.Invalidate();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }

                index.SetTrusted(true);
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var reloads = ReloadLoopAsync(reload, stop.Token);
                try
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await connection.WaitAsync(ct);
                    }
                }
                finally
                {
                    index.SetTrusted(false);
                    await stop.CancelAsync();
                    await reloads.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                index.SetTrusted(false);
                log.LogWarning("Org path index listener lost ({Error}); scope checks use the database until it is back", ex.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(2), ct).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
        }
    }

    public static async Task LoadAsync(OrgPathIndex index, AppDbContext db, CancellationToken ct)
    {
        var generation = index.Generation;
        var paths = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Path, ct);
        index.Publish(paths, generation);
    }

    private async Task ReloadLoopAsync(Func<CancellationToken, Task> reload, CancellationToken ct)
    {
        do
        {
            try
            {
                await reload(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning("Org path index reload failed ({Error})", ex.GetType().Name);
            }
        }
        while (await index.ReloadRequests.WaitToReadAsync(ct) && index.ReloadRequests.TryRead(out _));
    }
}

/// <summary>Runs <see cref="OrgPathIndexSync"/> for the lifetime of the app.</summary>
public sealed class OrgPathIndexService(OrgPathIndexSync sync, OrgPathIndex index, IServiceScopeFactory scopes, IConfiguration config) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        sync.RunAsync(ReloadAsync, DatabaseSetup.ConnectionString(config), stoppingToken);

    private async Task ReloadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await OrgPathIndexSync.LoadAsync(index, scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
    }
}