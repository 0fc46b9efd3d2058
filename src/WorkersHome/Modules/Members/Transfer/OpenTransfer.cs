using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Statistics;

namespace WorkersHome.Modules.Members.Transfer;

/// <summary>Opens a transfer of an active membership to another grassroots union; whoever asks, the same checks and one open transfer per member.</summary>
public sealed class OpenTransfer(AppDbContext db, IOrgDirectory orgs, AuditTrail audit, TimeProvider clock)
{
    public async Task<MemberTransfer> OpenAsync(Guid memberId, long toOrgId, bool requireTargetInScope, string actor, CancellationToken ct)
    {
        var member = await db.Members.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct) ?? throw new NotFoundException();
        if (member.Status != MembershipStatus.Active)
        {
            throw new ConflictException(Loc.T("只有在册会员可以办理会籍转接", "Only an active membership can be transferred"));
        }

        var target = await orgs.FindJoinableAsync(toOrgId, ct);
        if (requireTargetInScope && target is not null && !await orgs.IsInScopeAsync(target.Id, ct))
        {
            target = null;
        }

        if (target is null || target.Id == member.OrgId)
        {
            new FieldErrors().Add("toOrgId", "请选择另一个基层工会作为转入工会", "Choose another grassroots union to move to").ThrowIfAny();
        }

        var now = clock.GetUtcNow();
        var transfer = MemberTransfer.Request(RandomPool.CreateVersion7(now), member, target!.Id, target.Path, actor, now);
        db.MemberTransfers.Add(transfer);
        db.Counters.Add(transfer.ToPath, Metrics.TransferRequested, Metrics.Month(ChinaTime.DayOf(now)));
        audit.Record(TransferAuditActions.Requested, "member", member.Id.ToString(), member.OrgPath, new { to = target.Code }, actorName: actor);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException(Loc.T("该会员已有进行中的转接", "This member has a transfer in progress already"));
        }

        return transfer;
    }
}