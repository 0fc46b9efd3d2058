using System.Globalization;
using System.Security.Cryptography;
using System.Text;

using WorkersHome.Platform.Persistence.OrgOwnership;

namespace WorkersHome.Platform.Audit;

/// <summary>
/// One row of the append-only audit trail. It is written unsealed in the transaction of the change it describes;
/// the sealer then gives it its place in the chain (<see cref="Sequence"/>, <see cref="PreviousHash"/>, <see cref="Hash"/>)
/// shortly after commit. Each sealed row's hash covers its own fields and the previous row's hash, so changing or
/// deleting any sealed row breaks the chain from there on (docs/adr/0016).
/// </summary>
[OrgOwned(WhenUnionMoves.StaysWithActingOrg, UnionId = null, SubtreeFilter = false)]
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>Position in the chain: 1, 2, 3 ... without gaps, assigned by the sealer; null until sealed.</summary>
    public long? Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? ActorId { get; set; }

    public string ActorName { get; set; } = "";

    public string Action { get; set; } = "";

    public bool Succeeded { get; set; } = true;

    public string? TargetType { get; set; }

    public string? TargetId { get; set; }

    /// <summary>Materialised path of the org the event concerns, so auditors see only their subtree.</summary>
    public string? OrgPath { get; set; }

    public string? Detail { get; set; }

    public string? ClientIp { get; set; }

    /// <summary>The previous sealed row's hash; empty until sealed.</summary>
    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public string ComputeHash()
    {
        var canonical = string.Join('\u001f',
            (Sequence ?? throw new InvalidOperationException("An unsealed audit row has no chain hash yet.")).ToString(CultureInfo.InvariantCulture),
            At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            ActorId?.ToString("N") ?? "",
            ActorName,
            Action,
            Succeeded ? "1" : "0",
            TargetType ?? "",
            TargetId ?? "",
            OrgPath ?? "",
            Detail ?? "",
            ClientIp ?? "",
            PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>PostgreSQL keeps microseconds; hash what the database will give back.</summary>
    public static DateTimeOffset TruncateToMicroseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);
}