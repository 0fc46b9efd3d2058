using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkersHome.Platform.Audit;

/// <summary>
/// A signed statement of where the chain stood: its last sealed row's sequence and hash at a moment. Kept in the
/// database for the record and written out (a file and the outbox to an external witness), so that rows removed from
/// the chain's end — which the chain alone cannot show — are found by `audit verify` against the copies outside.
/// </summary>
public sealed class AuditCheckpoint
{
    public long Id { get; set; }

    /// <summary>The start of the period (day, by default) it stands for: one checkpoint per period, whichever instance writes it.</summary>
    public DateTimeOffset PeriodStart { get; set; }

    public long Sequence { get; set; }

    public string Hash { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public string KeyId { get; set; } = "";

    /// <summary>ECDSA P-256 over <see cref="SignedText"/>, base64 (IEEE P1363 form).</summary>
    public string Signature { get; set; } = "";

    /// <summary>What the signature covers; spelled out so that anyone can check a checkpoint with the public key alone.</summary>
    public string SignedText() => string.Join('\n', "workershome-audit-checkpoint-v1",
        Sequence.ToString(CultureInfo.InvariantCulture), Hash,
        At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture), KeyId);

    public byte[] SignedBytes() => Encoding.UTF8.GetBytes(SignedText());

    public string ToJsonLine() => JsonSerializer.Serialize(new Line(Sequence, Hash, At, KeyId, Signature), LineJson);

    public static AuditCheckpoint FromJsonLine(string line)
    {
        var parsed = JsonSerializer.Deserialize<Line>(line, LineJson) ?? throw new FormatException("empty checkpoint line");
        return new AuditCheckpoint
        {
            Sequence = parsed.Sequence,
            Hash = parsed.Hash ?? throw new FormatException("checkpoint without hash"),
            At = parsed.At,
            KeyId = parsed.KeyId ?? throw new FormatException("checkpoint without key id"),
            Signature = parsed.Signature ?? throw new FormatException("checkpoint without signature"),
        };
    }

    private sealed record Line(long Sequence, string? Hash, DateTimeOffset At, string? KeyId, string? Signature);

    private static readonly JsonSerializerOptions LineJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };
}