using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Members.Transfer;

/// <summary>Completes accepted transfers whose sending union let the set days pass without confirming; hourly, on every instance.</summary>
public sealed class TransferSweeper(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<TransferSweeper> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Transfers:SweepEnabled", true))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<AppDbContext>().UseWholeTree();
                var completed = await scope.ServiceProvider.GetRequiredService<CompleteDueTransfers>().ExecuteAsync(stoppingToken);
                if (completed > 0)
                {
                    log.LogInformation("Completed {Count} transfers whose sending union did not confirm in time", completed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Transfer sweep failed");
            }

            try
            {
                await Task.Delay(TimeSpan.FromHours(1), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}