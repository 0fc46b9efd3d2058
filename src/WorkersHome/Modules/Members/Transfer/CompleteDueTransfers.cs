using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Members.Transfer;

public sealed class TransferOptions
{
    /// <summary>Days after the receiving union accepts before the move completes without the sending union's confirmation.</summary>
    public int AutoCompleteDays { get; set; } = 7;
}

/// <summary>Completes every accepted transfer whose sending union has not confirmed within the set days (run by <see cref="TransferSweeper"/>).</summary>
public sealed class CompleteDueTransfers(AppDbContext db, TransferCompletion completion, TransferSteps steps, TransferOptions options, TimeProvider clock)
{
    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var due = clock.GetUtcNow().AddDays(-Math.Max(0, options.AutoCompleteDays));
        var ids = await db.MemberTransfers.Where(t => t.Status == TransferStatus.Accepted && t.AcceptedAt <= due).Select(t => t.Id).Take(500).ToListAsync(ct);
        foreach (var id in ids)
        {
            var transfer = await db.MemberTransfers.FirstAsync(t => t.Id == id, ct);
            if (!MemberTransfer.CanMove(transfer.Status, TransferStatus.Completed))
            {
                // Confirmed or cancelled since the list was read: nothing left to do here.
                continue;
            }

            try
            {
                await completion.CompleteAsync(transfer, transfer.Version, "system", ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Confirmed or cancelled meanwhile by someone else: nothing left to do here.
                db.ChangeTracker.Clear();
            }
            catch (ConflictException)
            {
                // The membership ended or moved meanwhile: the transfer can never complete, so it is closed, not retried hourly.
                db.ChangeTracker.Clear();
                var stale = await db.MemberTransfers.FirstAsync(t => t.Id == id, ct);
                var version = stale.Version;
                stale.Cancel(version, "system", clock.GetUtcNow(), "会籍状态已变化，转接自动撤销");
                await steps.SaveDecisionAsync(stale, version, ct);
            }
        }

        return ids.Count;
    }
}