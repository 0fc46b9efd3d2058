using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Persistence;

namespace WorkersHome.Platform.Outbox;

/// <summary>Delivers one kind of outbox message (an SMS gateway, a mail relay ...).</summary>
public interface IOutboxChannel
{
    string Name { get; }

    Task DeliverAsync(OutboxMessage message, CancellationToken ct);
}

public sealed class OutboxOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 50;

    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Claims undelivered messages with one conditional UPDATE (a row is only claimable when unclaimed
/// or its lease ran out), so with any number of instances each message is taken by exactly one.
/// See docs/adr/0004.
/// </summary>
public sealed class OutboxProcessor(AppDbContext db, IEnumerable<IOutboxChannel> channels, TimeProvider clock, ILogger<OutboxProcessor> log)
{
    public static readonly string InstanceName = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40];

    public async Task<int> RunOnceAsync(OutboxOptions options, string instance, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claim = instance + "#" + Guid.NewGuid().ToString("N")[..8];
        var leaseEnd = now + options.ClaimLease;
        List<OutboxMessage> mine = [];
        // Instances read the same oldest candidates; one that loses the whole batch to another reads again rather than
        // report "nothing to do" while messages wait (a few rounds at most: each round others claim what it lost).
        for (var round = 0; round < 5 && mine.Count == 0; round++)
        {
            var candidates = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.DeliveredAt == null && (m.ClaimedBy == null || m.ClaimExpiresAt < now))
                .OrderBy(m => m.Id)
                .Select(m => m.Id)
                .Take(options.BatchSize)
                .ToListAsync(ct);
            if (candidates.Count == 0)
            {
                return 0;
            }

            await db.OutboxMessages
                .Where(m => candidates.Contains(m.Id) && m.DeliveredAt == null && (m.ClaimedBy == null || m.ClaimExpiresAt < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.ClaimExpiresAt, leaseEnd), ct);
            mine = await db.OutboxMessages.Where(m => m.ClaimedBy == claim).OrderBy(m => m.Id).ToListAsync(ct);
        }

        var byName = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var message in mine)
        {
            message.Attempts++;
            try
            {
                if (!byName.TryGetValue(message.Channel, out var channel))
                {
                    throw new InvalidOperationException($"no outbox channel '{message.Channel}'");
                }

                await channel.DeliverAsync(message, ct);
                message.DeliveredAt = clock.GetUtcNow();
                message.DeliveredBy = instance;
                db.OutboxDeliveries.Add(new OutboxDelivery { MessageId = message.Id, Instance = instance, At = message.DeliveredAt.Value });
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.LastError = ex.GetType().Name;
                message.ClaimedBy = null;
                log.LogWarning("Outbox message {MessageId} on {Channel} failed: {Error}", message.Id, message.Channel, ex.GetType().Name);
            }

            await db.SaveChangesAsync(ct);
        }

        return mine.Count;
    }
}

public sealed class OutboxDispatcher(IServiceScopeFactory scopes, OutboxOptions options, ILogger<OutboxDispatcher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var processor = scope.ServiceProvider.GetRequiredService<OutboxProcessor>();
                var delivered = await processor.RunOnceAsync(options, OutboxProcessor.InstanceName, stoppingToken);
                if (delivered > 0)
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Outbox dispatch failed");
            }

            try
            {
                await Task.Delay(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>
/// SMS delivery for development and for installations without a gateway contract yet: the message
/// stays readable on the development outbox page; nothing leaves the machine.
/// </summary>
public sealed class LocalSmsChannel(ILogger<LocalSmsChannel> log) : IOutboxChannel
{
    public string Name => Sms.OutboxSmsSender.Channel;

    public Task DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        log.LogInformation("SMS {MessageId} kept locally (no gateway configured)", message.Id);
        return Task.CompletedTask;
    }
}