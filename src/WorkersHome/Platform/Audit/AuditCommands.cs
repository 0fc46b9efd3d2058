namespace WorkersHome.Platform.Audit;

/// <summary>The operator's `audit verify` and `audit checkpoint` commands.</summary>
internal static class AuditCommands
{
    public static async Task<int> VerifyAsync(IServiceProvider services, string[] args)
    {
        var options = services.GetRequiredService<AuditOptions>();
        var at = Array.IndexOf(args, "--checkpoints");
        var file = at >= 0 && at + 1 < args.Length
            ? Path.GetFullPath(args[at + 1])
            : services.GetRequiredService<AuditCheckpointFileChannel>().FilePath;
        var checkpoints = await AuditCheckpointFile.ReadAsync(file, CancellationToken.None);
        var result = await services.GetRequiredService<AuditVerifier>().VerifyAsync(checkpoints);
        Console.WriteLine(result.Intact
            ? $"Audit trail intact: {result.RowsChecked} rows verified against {result.CheckpointsChecked} checkpoints from {file}."
            : $"Audit trail TAMPERED at row {result.FirstBadRowId}: {result.Problem} ({result.RowsChecked} rows before it verified).");
        if (result.Unsealed > 0)
        {
            var stalled = result.OldestUnsealedAt < DateTimeOffset.UtcNow - options.UnsealedWarningAfter;
            Console.WriteLine($"{result.Unsealed} rows are committed but not sealed yet (oldest from {result.OldestUnsealedAt:u})" +
                (stalled ? ": the sealer is not running; start the app or run `audit seal`." : "."));
        }

        return result.Intact ? 0 : 1;
    }

    public static async Task<int> CheckpointAsync(IServiceProvider services)
    {
        var checkpoint = await services.GetRequiredService<WriteAuditCheckpoint>().WriteAsync(now: true, CancellationToken.None);
        if (checkpoint is null)
        {
            Console.Error.WriteLine("No checkpoint written: configure Audit:Checkpoint:SigningKey (`audit new-key` prints one).");
            return 1;
        }

        // The command's process does not stay up for the outbox dispatcher: deliver the file line and the witness now.
        var delivered = await services.GetRequiredService<Outbox.OutboxProcessor>()
            .RunOnceAsync(services.GetRequiredService<Outbox.OutboxOptions>(), Outbox.OutboxProcessor.InstanceName, CancellationToken.None);
        Console.WriteLine($"Checkpoint at row {checkpoint.Sequence} ({checkpoint.Hash}) signed with key {checkpoint.KeyId}; {delivered} outbox messages delivered.");
        return 0;
    }
}