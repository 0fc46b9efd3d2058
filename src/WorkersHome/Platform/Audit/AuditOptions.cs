namespace WorkersHome.Platform.Audit;

/// <summary>The `Audit` configuration section.</summary>
public sealed class AuditOptions
{
    /// <summary>How long the sealer rests when it found nothing to seal: the longest a committed row waits unsealed.</summary>
    public TimeSpan SealEvery { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Off only in hosts that seal by hand (tests of the sealer itself).</summary>
    public bool SealInBackground { get; set; } = true;

    /// <summary>
    /// Rows older than this and still unsealed are reported by `audit verify`: the sealer has stopped, and until it runs
    /// again those rows are not yet protected by the chain.
    /// </summary>
    public TimeSpan UnsealedWarningAfter { get; set; } = TimeSpan.FromMinutes(1);

    public AuditCheckpointOptions Checkpoint { get; set; } = new();
}

/// <summary>The `Audit:Checkpoint` section: the signed external witness of the chain's end.</summary>
public sealed class AuditCheckpointOptions
{
    /// <summary>Base64 PKCS#8 ECDSA P-256 private key (`audit new-key` prints one). Without it no checkpoint is written.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>Names the key in each checkpoint, so that an auditor knows which public key to check it with.</summary>
    public string KeyId { get; set; } = "k1";

    /// <summary>Off only in hosts that write checkpoints by hand (tests).</summary>
    public bool WriteInBackground { get; set; } = true;

    /// <summary>How often a checkpoint is written: daily unless configured otherwise.</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The file the checkpoints are appended to, one JSON line each (relative to the content root).</summary>
    public string File { get; set; } = "data/audit-checkpoints.jsonl";

    /// <summary>Where the outbox posts each checkpoint (an external witness: another organisation's server); empty keeps it in the log.</summary>
    public string WitnessUrl { get; set; } = "";
}