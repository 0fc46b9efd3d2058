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
    public Guid Id { get; set; }

    public Guid MemberId { get; set; }

    public string MemberName { get; set; } = "";

    public string IdMasked { get; set; } = "";

    public long FromOrgId { get; set; }

    public string FromPath { get; set; } = "";

    public long ToOrgId { get; set; }

    public string ToPath { get; set; } = "";

    public TransferStatus Status { get; set; }

    public string RequestedBy { get; set; } = "";

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    public string? Reason { get; set; }

    public int Version { get; set; }

    public bool IsOpen => Status is TransferStatus.Requested or TransferStatus.Accepted;

    public static LocalizedText StatusLabel(TransferStatus status) => status switch
    {
        TransferStatus.Requested => new("待转入工会接收", "Waiting for the receiving union"),
        TransferStatus.Accepted => new("已接收，待转出工会确认", "Accepted; waiting for the sending union"),
        TransferStatus.Completed => new("已完成", "Completed"),
        TransferStatus.Rejected => new("未接收", "Refused"),
        _ => new("已撤销", "Cancelled"),
    };
}