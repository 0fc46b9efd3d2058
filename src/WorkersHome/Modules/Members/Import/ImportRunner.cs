using System.Collections.Concurrent;
using System.Security.Cryptography;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Members.Import;

public sealed class ImportOptions
{
    /// <summary>Whether this instance runs imports (an instance may serve pages only).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a run's claim lasts without a heartbeat; after that another runner may take the import over.</summary>
    public int LeaseSeconds { get; set; } = 60;

    public int PollSeconds { get; set; } = 2;
}

/// <summary>
/// How far each running import has got. This instance's runs are known in memory at once; on PostgreSQL
/// every beat is also written outside the run's transaction, with the lease, for other instances and
/// for a page that reloads.
/// </summary>
public sealed class ImportProgress(IServiceScopeFactory scopes, ImportOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, (int Rows, long Bytes, DateTimeOffset SavedAt)> _live = new();

    public (int Rows, long Bytes)? Live(Guid id) => _live.TryGetValue(id, out var p) ? (p.Rows, p.Bytes) : null;

    public async Task BeatAsync(MemberImport import, int rows, long bytes, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var last = _live.TryGetValue(import.Id, out var p) ? p.SavedAt : DateTimeOffset.MinValue;
        var save = now - last >= TimeSpan.FromSeconds(Math.Max(1, options.LeaseSeconds / 10));
        _live[import.Id] = (rows, bytes, save ? now : last);
        if (!save)
        {
            return;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // SQLite has one writer at a time, held by the run itself; there the lease is only checked at start-up.
        if (!db.IsPostgres)
        {
            return;
        }

        var lease = now.AddSeconds(options.LeaseSeconds);
        var held = await db.Set<MemberImport>().Where(i => i.Id == import.Id && i.Attempts == import.Attempts && i.State == ImportState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Processed, rows).SetProperty(i => i.BytesDone, bytes).SetProperty(i => i.LeaseUntil, lease), ct);
        if (held == 0)
        {
            throw new ImportTakenOverException();
        }
    }

    public void Forget(Guid id) => _live.TryRemove(id, out _);
}

/// <summary>
/// Runs queued imports one at a time on this instance. A run claims its import with a conditional update
/// and keeps a lease; an import whose runner died (kill -9, a lost machine) is taken over when the lease
/// lapses and starts again from its stored file. Woken at once when an import is queued here.
/// </summary>
public sealed class ImportRunner(IServiceScopeFactory scopes, ImportOptions options, TimeProvider clock, ILogger<ImportRunner> log) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        await Task.Yield();
        var restarted = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!restarted)
                {
                    await RequeueOwnRunsAfterRestartAsync(stoppingToken);
                    restarted = true;
                }

                var import = await ClaimNextAsync(stoppingToken);
                if (import is null)
                {
                    await _wake.WaitAsync(TimeSpan.FromSeconds(options.PollSeconds), stoppingToken);
                    continue;
                }

                await RunAsync(import, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down: a run in progress rolls back and is taken up again after its lease.
            }
            catch (Exception ex)
            {
                // The database may be away for a while; the runner waits and tries again rather than stopping the app.
                log.LogWarning(ex, "The import runner could not reach the database; retrying");
                await Task.Delay(TimeSpan.FromSeconds(options.PollSeconds * 5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Claims and runs queued imports until none is left (for commands and benchmarks, where no runner loop is on).</summary>
    public async Task<int> RunQueuedAsync(CancellationToken ct)
    {
        var runs = 0;
        while (await ClaimNextAsync(ct) is { } import)
        {
            await RunAsync(import, ct);
            runs++;
        }

        return runs;
    }

    /// <summary>SQLite runs in one process only, so a run still marked as running after a start-up died with the last process.</summary>
    private async Task RequeueOwnRunsAfterRestartAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!db.IsPostgres)
        {
            await db.Set<MemberImport>().Where(i => i.State == ImportState.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null), ct);
        }
    }

    private async Task<MemberImport?> ClaimNextAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var candidates = await db.Set<MemberImport>().AsNoTracking()
            .Where(i => i.State == ImportState.Queued || (i.State == ImportState.Running && (i.LeaseUntil == null || i.LeaseUntil < now)))
            .OrderBy(i => i.At).Select(i => new { i.Id, i.Attempts }).Take(5).ToListAsync(ct);
        foreach (var candidate in candidates)
        {
            var lease = now.AddSeconds(options.LeaseSeconds);
            // The attempt count is the claim token: only one runner can move it from this value.
            var claimed = await db.Set<MemberImport>()
                .Where(i => i.Id == candidate.Id && i.Attempts == candidate.Attempts
                    && (i.State == ImportState.Queued || (i.State == ImportState.Running && (i.LeaseUntil == null || i.LeaseUntil < now))))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, ImportState.Running).SetProperty(i => i.Attempts, i => i.Attempts + 1)
                    .SetProperty(i => i.LeaseUntil, lease).SetProperty(i => i.Processed, 0).SetProperty(i => i.BytesDone, 0L), ct);
            if (claimed == 1)
            {
                return await db.Set<MemberImport>().AsNoTracking().FirstAsync(i => i.Id == candidate.Id, ct);
            }
        }

        return null;
    }

    private async Task RunAsync(MemberImport import, CancellationToken ct)
    {
        if (import.Attempts - import.AttemptsBeforeRestart > MemberImport.MaxAttempts)
        {
            await FailAsync(import, ("导入多次中断，请检查文件后重新开始", "The import was interrupted too often; check the file and start it again"), ct);
            return;
        }

        using var scope = scopes.CreateScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<ImportMembers>().RunAsync(import, ct);
        }
        catch (ImportTakenOverException)
        {
            log.LogWarning("Import {ImportId} was taken over by another runner", import.Id);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (ValidationFailedException ex)
        {
            var text = string.Join("；", ex.Errors.SelectMany(e => e.Value));
            await FailAsync(import, (text, text), ct);
        }
        catch (Exception ex) when (ex is FileNotFoundException or CryptographicException)
        {
            log.LogError(ex, "Import {ImportId} cannot read its stored file", import.Id);
            await FailAsync(import, ("上传的文件已不可用，请重新上传", "The uploaded file is no longer available; upload it again"), ct);
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Import {ImportId} failed", import.Id);
            await FailAsync(import, ("导入出错，未写入任何数据；可重新开始", "The import failed and wrote nothing; you can start it again"), ct);
        }
        finally
        {
            scope.ServiceProvider.GetRequiredService<ImportProgress>().Forget(import.Id);
        }
    }

    private async Task FailAsync(MemberImport import, (string Zh, string En) reason, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var text = import.Culture == Loc.English ? reason.En : reason.Zh;
        await db.Set<MemberImport>().Where(i => i.Id == import.Id && i.Attempts == import.Attempts)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, ImportState.Failed).SetProperty(i => i.Failure, text)
                .SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null).SetProperty(i => i.FinishedAt, clock.GetUtcNow()), ct);
    }
}