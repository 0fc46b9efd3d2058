using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Members.Transfer;

/// <summary>The member withdraws their transfer before it completes.</summary>
public sealed class CancelTransferByMember(AppDbContext db, TransferSteps steps, TimeProvider clock)
{
    public async Task ExecuteAsync(Guid memberId, Guid id, int version, CancellationToken ct)
    {
        var transfer = await db.MemberTransfers.FirstOrDefaultAsync(t => t.Id == id && t.MemberId == memberId, ct) ?? throw new NotFoundException();
        transfer.Cancel(version, "member", clock.GetUtcNow());
        await steps.SaveDecisionAsync(transfer, version, ct);
    }
}