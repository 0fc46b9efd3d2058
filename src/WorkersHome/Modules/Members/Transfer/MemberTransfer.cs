using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence.OrgOwnership;

namespace WorkersHome.Modules.Members.Transfer;

public enum TransferStatus
{
    Requested = 1,
    Accepted = 2,
    Completed = 3,
    Rejected = 4,
    Cancelled = 5,
}

/// <summary>
/// 会籍转接: a member moves from one grassroots union to another, anywhere in the country. The receiving union
/// accepts; the sending union confirms, or the move completes on its own after a set number of days. The one
/// member record moves, so a person is never active in two unions; both unions keep the history.
/// </summary>
[OrgOwned(WhenUnionMoves.FollowsUnion, Path = nameof(FromPath), UnionId = nameof(FromOrgId), SubtreeFilter = false)]
[OrgOwned(WhenUnionMoves.FollowsUnion, Path = nameof(ToPath), UnionId = nameof(ToOrgId), SubtreeFilter = false)]
public sealed class MemberTransfer
{
    /// <summary>Which status may follow which; every other step is refused as stale.</summary>
    private static readonly Dictionary<TransferStatus, TransferStatus[]> Transitions = new()
    {
        [TransferStatus.Requested] = [TransferStatus.Accepted, TransferStatus.Rejected, TransferStatus.Cancelled],
        [TransferStatus.Accepted] = [TransferStatus.Completed, TransferStatus.Cancelled],
    };

    private MemberTransfer()
    {
    }

    public Guid Id { get; private set; }

    public Guid MemberId { get; private set; }

    public string MemberName { get; private set; } = "";

    public string IdMasked { get; private set; } = "";

    public long FromOrgId { get; private set; }

    public string FromPath { get; private set; } = "";

    public long ToOrgId { get; private set; }

    public string ToPath { get; private set; } = "";

    public TransferStatus Status { get; private set; }

    public string RequestedBy { get; private set; } = "";

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ClosedBy { get; private set; }

    public string? Reason { get; private set; }

    public int Version { get; private set; }

    public bool IsOpen => Status is TransferStatus.Requested or TransferStatus.Accepted;

    public static bool CanMove(TransferStatus from, TransferStatus to) => Transitions.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>A new transfer of the member's record from their union to the target union, waiting for the receiver.</summary>
    public static MemberTransfer Request(Guid id, Member member, long toOrgId, string toPath, string actor, DateTimeOffset now) => new()
    {
        Id = id,
        MemberId = member.Id,
        MemberName = member.Name,
        IdMasked = member.IdMasked,
        FromOrgId = member.OrgId,
        FromPath = member.OrgPath,
        ToOrgId = toOrgId,
        ToPath = toPath,
        Status = TransferStatus.Requested,
        RequestedBy = actor,
        RequestedAt = now,
    };

    /// <summary>The receiving union accepts; the sending union may now confirm, or the days run out.</summary>
    public void Accept(int version, DateTimeOffset now)
    {
        MoveTo(TransferStatus.Accepted, version);
        AcceptedAt = now;
    }

    /// <summary>The receiving union refuses, with a reason the member reads.</summary>
    public void Refuse(int version, string? reason, string by, DateTimeOffset now)
    {
        EnsureCan(TransferStatus.Rejected, version);
        if (string.IsNullOrWhiteSpace(reason))
        {
            new FieldErrors().Add("reason", "请填写不予接收的原因", "Give the reason for refusing").ThrowIfAny();
        }

        MoveTo(TransferStatus.Rejected, version);
        (AcceptedAt, ClosedAt, ClosedBy, Reason) = (null, now, by, reason!.Trim());
    }

    /// <summary>The membership has moved: by the sending union's confirmation or when the days ran out.</summary>
    public void Complete(int version, string by, DateTimeOffset now)
    {
        MoveTo(TransferStatus.Completed, version);
        (ClosedAt, ClosedBy) = (now, by);
    }

    /// <summary>Withdrawn before it completed: by the member, or by the system when the membership changed meanwhile.</summary>
    public void Cancel(int version, string by, DateTimeOffset now, string? reason = null)
    {
        MoveTo(TransferStatus.Cancelled, version);
        (ClosedAt, ClosedBy) = (now, by);
        Reason = reason ?? Reason;
    }

    /// <summary>Refuses a step the state table does not allow, or one decided on a copy that has changed since.</summary>
    public void EnsureCan(TransferStatus to, int version)
    {
        if (!CanMove(Status, to) || Version != version)
        {
            throw new ConflictException(Loc.T("该转接已处理或已变化，请刷新后查看", "The transfer was decided or changed meanwhile; reload it"));
        }
    }

    private void MoveTo(TransferStatus to, int version)
    {
        EnsureCan(to, version);
        Status = to;
        Version = version + 1;
    }

    public static LocalizedText StatusLabel(TransferStatus status) => status switch
    {
        TransferStatus.Requested => new("待转入工会接收", "Waiting for the receiving union"),
        TransferStatus.Accepted => new("已接收，待转出工会确认", "Accepted; waiting for the sending union"),
        TransferStatus.Completed => new("已完成", "Completed"),
        TransferStatus.Rejected => new("未接收", "Refused"),
        _ => new("已撤销", "Cancelled"),
    };
}