using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Notices;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Members.Transfer;

public static class TransferAuditActions
{
    public const string Requested = "member.transfer-requested";
    public const string Decided = "member.transfer-decided";
}

/// <summary>What every step of a transfer shares: finding it from the side that acts, telling the member, saving a decision with its audit row.</summary>
public sealed class TransferSteps(AppDbContext db, NoticeBoard notices, AuditTrail audit, CurrentCadre cadre)
{
    /// <summary>
    /// The cadre's subtree as a path range. A transfer has two paths, so the context's one-path filter cannot apply;
    /// no scope (not a signed-in cadre) is a range nothing falls in.
    /// </summary>
    public static (string From, string To) ScopeOf(AppDbContext db) => (db.ScopeFrom ?? "\uffff", db.ScopeTo ?? "\uffff");

    /// <summary>A transfer into (receiving) or out of the cadre's subtree; any other answers 404.</summary>
    public async Task<MemberTransfer> FindAsync(Guid id, bool receiving, CancellationToken ct)
    {
        var (from, to) = ScopeOf(db);
        var query = receiving
            ? db.MemberTransfers.Where(t => string.Compare(t.ToPath, from) >= 0 && string.Compare(t.ToPath, to) < 0)
            : db.MemberTransfers.Where(t => string.Compare(t.FromPath, from) >= 0 && string.Compare(t.FromPath, to) < 0);
        return await query.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException();
    }

    /// <summary>A notice to the member's signed-in phone, if they have ever signed in (else they hear at the union).</summary>
    public async Task NotifyMemberAsync(Guid memberId, string title, string body, CancellationToken ct)
    {
        var phoneHash = await db.MemberLogins.Where(l => l.MemberId == memberId).Select(l => l.PhoneHash).FirstOrDefaultAsync(ct);
        if (phoneHash is not null)
        {
            notices.Queue(phoneHash, title, body, "/m/Transfer");
        }
    }

    /// <summary>Saves a step the entity has taken from <paramref name="version"/>; a copy changed meanwhile fails as stale.</summary>
    public async Task SaveDecisionAsync(MemberTransfer transfer, int version, CancellationToken ct)
    {
        db.Entry(transfer).Property(t => t.Version).OriginalValue = version;
        audit.Record(TransferAuditActions.Decided, "member", transfer.MemberId.ToString(), transfer.ToPath, new { status = transfer.Status, transfer.Reason },
            actorName: transfer.ClosedBy ?? cadre.UserNameOrNull ?? "member");
        await db.SaveChangesAsync(ct);
    }
}