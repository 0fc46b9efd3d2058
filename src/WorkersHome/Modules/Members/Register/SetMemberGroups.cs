using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Members.Register;

public sealed record GroupsRequest(MemberGroups Groups, int Version);

/// <summary>The union records which groups a member of its subtree belongs to (model worker, hardship household).</summary>
public sealed class SetMemberGroups(AppDbContext db, AuditTrail audit, TimeProvider clock)
{
    public const string AuditAction = "member.groups-changed";

    public async Task<Member> ExecuteAsync(Guid id, GroupsRequest request, CancellationToken ct)
    {
        if (!MemberGroupNames.IsKnown(request.Groups))
        {
            new FieldErrors().Add(nameof(GroupsRequest.Groups), "会员群体不正确", "Unknown member group").ThrowIfAny();
        }

        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException();
        if (((request.Groups ^ member.Groups) & MemberGroups.Hardship) != 0)
        {
            // The archive decides who is a hardship household (approval, leaving), with its checks and history.
            new FieldErrors().Add(nameof(GroupsRequest.Groups), "困难职工身份由困难职工档案的审批和脱困确定，请在“困难帮扶”中办理",
                "Hardship households are set by the hardship archive (approval and leaving); use Assistance").ThrowIfAny();
        }

        db.Entry(member).Property(m => m.Version).OriginalValue = request.Version;
        var before = member.Groups;
        (member.Groups, member.Version, member.UpdatedAt) = (request.Groups, request.Version + 1, clock.GetUtcNow());
        audit.Record(AuditAction, "member", member.Id.ToString(), member.OrgPath, new { before, after = request.Groups });
        // A stale version fails here with 409: someone else changed the member meanwhile.
        await db.SaveChangesAsync(ct);
        return member;
    }
}