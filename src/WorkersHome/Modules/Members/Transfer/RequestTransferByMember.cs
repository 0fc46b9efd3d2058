namespace WorkersHome.Modules.Members.Transfer;

/// <summary>The member asks, on their phone, to move their own membership to another union.</summary>
public sealed class RequestTransferByMember(OpenTransfer open)
{
    public Task<MemberTransfer> ExecuteAsync(Guid memberId, long toOrgId, string actor, CancellationToken ct) =>
        open.OpenAsync(memberId, toOrgId, requireTargetInScope: false, actor, ct);
}