namespace WorkersHome.Platform.Audit;

/// <summary>
/// Runs the sealer in every app instance; the sealer's own lock lets one of them work at a time. It seals batch after
/// batch while there is a backlog and otherwise rests for <see cref="AuditOptions.SealEvery"/>.
/// </summary>
public sealed class AuditSealingService(IServiceScopeFactory scopes, AuditOptions options, ILogger<AuditSealingService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.SealInBackground)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sealer = scope.ServiceProvider.GetRequiredService<AuditSealer>();
                while (await sealer.SealBatchAsync(waitForOtherSealer: false, stoppingToken) == AuditSealer.BatchSize)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Sealing the audit chain failed; will try again");
            }

            try
            {
                await Task.Delay(options.SealEvery, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}