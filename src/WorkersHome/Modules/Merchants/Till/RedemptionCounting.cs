using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Statistics;

namespace WorkersHome.Modules.Merchants.Till;

/// <summary>
/// Adds recorded sales to the tree's figures in batches, after the fact: every till sale adding to the same
/// province and city rows in its own transaction would queue all tills behind those rows. Each sale is marked counted
/// in the transaction that counts it, so however many instances run this, none is counted twice or missed.
/// </summary>
public sealed class RedemptionCounting(AppDbContext db) : ITreeCounterSource
{
    public const int BatchSize = 2000;

    private sealed record Uncounted(string OrgPath, DateOnly Day, decimal SaleAmount, decimal Discount);

    /// <summary>Counts every sale not counted yet; returns how many it counted.</summary>
    public async Task<int> CountNewAsync(CancellationToken ct)
    {
        // SQLite has one writer, and a member import holds it for its whole run: asking for the write lock only when
        // there is something to count (a read, which WAL lets through) keeps an idle counter out of the writer's way.
        if (!db.IsPostgres && !await db.Redemptions.IgnoreQueryFilters().AnyAsync(r => !r.Counted, ct))
        {
            return 0;
        }

        var total = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Another instance counting at the same time skips the rows this one holds instead of waiting for them.
            var rows = await db.Database.SqlQueryRaw<Uncounted>(db.IsPostgres ? PostgresClaim : SqliteClaim, BatchSize).ToListAsync(ct);
            foreach (var r in rows)
            {
                var month = Metrics.Month(r.Day);
                db.Counters.Add(r.OrgPath, Metrics.Redemptions, month, 1, Fen(r.Discount));
                db.Counters.Add(r.OrgPath, Metrics.RedemptionSales, month, 0, Fen(r.SaleAmount));
            }

            await db.Counters.FlushAsync(db, ct);
            await transaction.CommitAsync(ct);
            total += rows.Count;
            if (rows.Count < BatchSize)
            {
                return total;
            }
        }
    }

    private static long Fen(decimal yuan) => (long)Math.Round(yuan * 100m, MidpointRounding.AwayFromZero);

    private const string PostgresClaim = """
        UPDATE merchants.redemptions SET "Counted" = TRUE
        WHERE "Id" IN (SELECT "Id" FROM merchants.redemptions WHERE NOT "Counted" ORDER BY "Id" LIMIT {0} FOR UPDATE SKIP LOCKED)
        RETURNING "OrgPath", "Day", "SaleAmount", "Discount"
        """;

    private const string SqliteClaim = """
        UPDATE redemptions SET "Counted" = 1
        WHERE "Id" IN (SELECT "Id" FROM redemptions WHERE NOT "Counted" ORDER BY "Id" LIMIT {0})
        RETURNING "OrgPath", "Day", "SaleAmount", "Discount"
        """;
}

/// <summary>Counts new sales every few seconds on every instance (<c>Merchants:CountEvery</c>, 0 turns it off).</summary>
public sealed class RedemptionCounter(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<RedemptionCounter> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = configuration.GetValue("Merchants:CountEvery", TimeSpan.FromSeconds(5));
        if (every <= TimeSpan.Zero)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RedemptionCounting>().CountNewAsync(stoppingToken);
            }
            catch (Exception ex) when (SqliteBusy.Is(ex))
            {
                // The embedded database's one writer is busy (an import): the sales wait for the next round, nothing is lost.
                log.LogInformation("Counting till sales waits for the next round: the embedded database is busy with another writer");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Counting till sales into the tree figures failed");
            }

            try
            {
                await Task.Delay(every, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}