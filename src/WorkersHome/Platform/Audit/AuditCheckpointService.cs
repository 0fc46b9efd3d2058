namespace WorkersHome.Platform.Audit;

/// <summary>Writes each period's checkpoint soon after the period starts, in whichever instance gets there first.</summary>
public sealed class AuditCheckpointService(IServiceScopeFactory scopes, AuditCheckpointKey key, AuditOptions options, ILogger<AuditCheckpointService> log)
    : BackgroundService
{
    private static readonly TimeSpan Look = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Checkpoint.WriteInBackground)
        {
            return;
        }

        if (!key.Configured)
        {
            log.LogWarning("Audit:Checkpoint:SigningKey is not configured: no audit checkpoints are written, so rows removed from the end of the audit chain would go unnoticed.");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var written = await scope.ServiceProvider.GetRequiredService<WriteAuditCheckpoint>().WriteAsync(now: false, stoppingToken);
                if (written is not null)
                {
                    log.LogInformation("Audit checkpoint written at row {Sequence}", written.Sequence);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Writing the audit checkpoint failed; will try again");
            }

            try
            {
                await Task.Delay(Look, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}