using System.Text;

using WorkersHome.Platform.Outbox;

namespace WorkersHome.Platform.Audit;

/// <summary>
/// Appends each checkpoint to the checkpoint file, one JSON line, flushed to disk. A delivery repeated after a crash
/// only repeats a line, which verification reads as the same checkpoint twice.
/// </summary>
public sealed class AuditCheckpointFileChannel(AuditOptions options, IHostEnvironment environment) : IOutboxChannel
{
    private static readonly SemaphoreSlim Appending = new(1, 1);

    public string Name => WriteAuditCheckpoint.FileChannel;

    public string FilePath => Path.Combine(environment.ContentRootPath, options.Checkpoint.File);

    public async Task DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        await Appending.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            await using var file = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.Read);
            await file.WriteAsync(Encoding.UTF8.GetBytes(message.Body + "\n"), ct);
            file.Flush(flushToDisk: true);
        }
        finally
        {
            Appending.Release();
        }
    }
}

/// <summary>
/// Posts each checkpoint to the external witness (`Audit:Checkpoint:WitnessUrl`) as JSON; a refusal or an unreachable
/// witness leaves the message in the outbox to be tried again. Without a URL the checkpoint is only logged.
/// </summary>
public sealed class AuditWitnessChannel(AuditOptions options, ILogger<AuditWitnessChannel> log) : IOutboxChannel
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string Name => WriteAuditCheckpoint.WitnessChannel;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.Checkpoint.WitnessUrl))
        {
            log.LogInformation("Audit checkpoint (no witness configured): {Checkpoint}", message.Body);
            return;
        }

        using var content = new StringContent(message.Body, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(options.Checkpoint.WitnessUrl, content, ct);
        response.EnsureSuccessStatusCode();
    }
}