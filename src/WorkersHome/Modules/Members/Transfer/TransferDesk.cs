using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Notices;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Security;
using WorkersHome.Platform.Statistics;

namespace WorkersHome.Modules.Members.Transfer;

public sealed class TransferOptions
{
    /// <summary>Days after the receiving union accepts before the move completes without the sending union's confirmation.</summary>
    public int AutoCompleteDays { get; set; } = 7;
}

public sealed record TransferView(Guid Id, string MemberName, string IdMasked, string FromUnion, string ToUnion, TransferStatus Status, string StatusLabel,
    DateTimeOffset RequestedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? ClosedAt, string? Reason, int Version, bool Incoming, bool Outgoing);

public static class TransferAuditActions
{
    public const string Requested = "member.transfer-requested";
    public const string Decided = "member.transfer-decided";
}

/// <summary>Requests, accepts, confirms, refuses and completes transfers; the member's record, counts and card follow on completion.</summary>
public sealed class TransferDesk(
    AppDbContext db, IOrgDirectory orgs, IOrgRollupWriter rollups, Statistics.MemberStatsWriter stats, PersonalDataProtector protector,
    IEnumerable<IMembershipFollower> followers, NoticeBoard notices, AuditTrail audit, CurrentCadre cadre, TransferOptions options, TimeProvider clock)
{
    /// <summary>The member asks to move their own membership to another union.</summary>
    public Task<MemberTransfer> RequestByMemberAsync(Guid memberId, long toOrgId, string actor, CancellationToken ct) =>
        RequestAsync(memberId, toOrgId, requireTargetInScope: false, actor, ct);

    /// <summary>The receiving union's officer starts it, finding the person by full ID number anywhere in the country.</summary>
    public async Task<MemberTransfer> RequestByReceivingUnionAsync(string? idNumber, long toOrgId, CancellationToken ct)
    {
        var idHash = string.IsNullOrWhiteSpace(idNumber) ? "" : protector.BlindIndex(idNumber);
        var memberId = await db.Members.IgnoreQueryFilters().Where(m => m.IdHash == idHash && m.Status == MembershipStatus.Active).Select(m => (Guid?)m.Id)
            .FirstOrDefaultAsync(ct);
        if (memberId is null)
        {
            new FieldErrors().Add("idNumber", "未找到该证件号码的在册会员", "No active member has this ID number").ThrowIfAny();
        }

        return await RequestAsync(memberId!.Value, toOrgId, requireTargetInScope: true, cadre.UserName, ct);
    }

    private async Task<MemberTransfer> RequestAsync(Guid memberId, long toOrgId, bool requireTargetInScope, string actor, CancellationToken ct)
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
        var transfer = new MemberTransfer
        {
            Id = RandomPool.CreateVersion7(now),
            MemberId = member.Id,
            MemberName = member.Name,
            IdMasked = member.IdMasked,
            FromOrgId = member.OrgId,
            FromPath = member.OrgPath,
            ToOrgId = target!.Id,
            ToPath = target.Path,
            Status = TransferStatus.Requested,
            RequestedBy = actor,
            RequestedAt = now,
        };
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

    /// <summary>Transfers into or out of the cadre's subtree, open ones first.</summary>
    public async Task<IReadOnlyList<TransferView>> ListForCadreAsync(CancellationToken ct)
    {
        var (from, to) = Scope;
        var rows = await db.MemberTransfers.AsNoTracking()
            .Where(t => (string.Compare(t.ToPath, from) >= 0 && string.Compare(t.ToPath, to) < 0) || (string.Compare(t.FromPath, from) >= 0 && string.Compare(t.FromPath, to) < 0))
            .OrderBy(t => t.Status).ThenByDescending(t => t.RequestedAt).Take(200).ToListAsync(ct);
        return await ViewsAsync(rows, from, ct);
    }

    public async Task<IReadOnlyList<TransferView>> ListForMemberAsync(Guid memberId, CancellationToken ct) =>
        await ViewsAsync(await db.MemberTransfers.AsNoTracking().Where(t => t.MemberId == memberId).OrderByDescending(t => t.RequestedAt).ToListAsync(ct), null, ct);

    /// <summary>The receiving union accepts (or refuses, with a reason).</summary>
    public async Task DecideAsReceiverAsync(Guid id, int version, bool accept, string? reason, CancellationToken ct)
    {
        var transfer = await FindAsync(id, receiving: true, ct);
        Expect(transfer, version, TransferStatus.Requested);
        if (!accept && string.IsNullOrWhiteSpace(reason))
        {
            new FieldErrors().Add("reason", "请填写不予接收的原因", "Give the reason for refusing").ThrowIfAny();
        }

        var now = clock.GetUtcNow();
        transfer.Status = accept ? TransferStatus.Accepted : TransferStatus.Rejected;
        transfer.AcceptedAt = accept ? now : null;
        if (!accept)
        {
            (transfer.ClosedAt, transfer.ClosedBy, transfer.Reason) = (now, cadre.UserName, reason!.Trim());
            db.Counters.Add(transfer.ToPath, Metrics.TransferRefused, Metrics.Month(ChinaTime.DayOf(now)));
        }

        var toName = await orgs.PublicNameAsync(transfer.ToOrgId, ct) ?? "";
        await NotifyMemberAsync(transfer.MemberId, accept ? Loc.T("转入工会已接收", "Transfer accepted")
                : Loc.T("会籍转接未被接收", "Transfer refused"),
            accept ? Loc.T($"{toName}已同意接收您的会籍，原工会确认后即完成转接。", $"{toName} accepted your membership; the move completes once your current union confirms.")
                : Loc.T($"{toName}未接收您的会籍转接，原因：{reason!.Trim()}。", $"{toName} refused your transfer: {reason!.Trim()}."), ct);
        await SaveDecisionAsync(transfer, version, ct);
    }

    /// <summary>The sending union confirms an accepted transfer: the move completes now.</summary>
    public async Task ConfirmAsSenderAsync(Guid id, int version, CancellationToken ct)
    {
        var transfer = await FindAsync(id, receiving: false, ct);
        Expect(transfer, version, TransferStatus.Accepted);
        await CompleteAsync(transfer, cadre.UserName, ct);
    }

    /// <summary>The member (or the union that started it) withdraws a transfer not yet completed.</summary>
    public async Task CancelByMemberAsync(Guid memberId, Guid id, int version, CancellationToken ct)
    {
        var transfer = await db.MemberTransfers.FirstOrDefaultAsync(t => t.Id == id && t.MemberId == memberId, ct) ?? throw new NotFoundException();
        Expect(transfer, version, transfer.Status == TransferStatus.Accepted ? TransferStatus.Accepted : TransferStatus.Requested);
        (transfer.Status, transfer.ClosedAt, transfer.ClosedBy) = (TransferStatus.Cancelled, clock.GetUtcNow(), "member");
        await SaveDecisionAsync(transfer, version, ct);
    }

    /// <summary>Completes every accepted transfer whose sending union has not confirmed within the set days.</summary>
    public async Task<int> CompleteDueAsync(CancellationToken ct)
    {
        var due = clock.GetUtcNow().AddDays(-Math.Max(0, options.AutoCompleteDays));
        var ids = await db.MemberTransfers.Where(t => t.Status == TransferStatus.Accepted && t.AcceptedAt <= due).Select(t => t.Id).Take(500).ToListAsync(ct);
        foreach (var id in ids)
        {
            var transfer = await db.MemberTransfers.FirstAsync(t => t.Id == id, ct);
            try
            {
                await CompleteAsync(transfer, "system", ct);
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
                (stale.Status, stale.ClosedAt, stale.ClosedBy, stale.Reason) = (TransferStatus.Cancelled, clock.GetUtcNow(), "system", "会籍状态已变化，转接自动撤销");
                await SaveDecisionAsync(stale, stale.Version, ct);
            }
        }

        return ids.Count;
    }

    private async Task CompleteAsync(MemberTransfer transfer, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var member = await db.Members.IgnoreQueryFilters().FirstAsync(m => m.Id == transfer.MemberId, ct);
        if (member.Status != MembershipStatus.Active || member.OrgId != transfer.FromOrgId)
        {
            throw new ConflictException(Loc.T("会员的会籍已变化，转接不能完成", "The membership changed meanwhile; the transfer cannot complete"));
        }

        var fromName = await orgs.PublicNameAsync(transfer.FromOrgId, ct) ?? "";
        var toName = await orgs.PublicNameAsync(transfer.ToOrgId, ct) ?? "";
        stats.Add(member.OrgPath, Statistics.Contribution.Of(member).Negate());
        (member.OrgId, member.OrgPath, member.UpdatedAt) = (transfer.ToOrgId, transfer.ToPath, now);
        member.Version++;
        stats.Add(member.OrgPath, Statistics.Contribution.Of(member));
        db.MembershipEvents.Add(new MembershipEvent { MemberId = member.Id, OrgId = transfer.FromOrgId, At = now, Status = MembershipStatus.TransferredOut, Note = $"会籍转出至{toName}", ActorName = actor });
        db.MembershipEvents.Add(new MembershipEvent { MemberId = member.Id, OrgId = transfer.ToOrgId, At = now, Status = MembershipStatus.Active, Note = $"会籍转入自{fromName}", ActorName = actor });
        (transfer.Status, transfer.ClosedAt, transfer.ClosedBy) = (TransferStatus.Completed, now, actor);
        var month = Metrics.Month(ChinaTime.DayOf(now));
        db.Counters.Add(transfer.ToPath, Metrics.TransferIn, month);
        db.Counters.Add(transfer.FromPath, Metrics.TransferOut, month);
        await NotifyMemberAsync(member.Id, Loc.T("会籍转接已完成", "Transfer completed"),
            Loc.T($"您的会籍已由{fromName}转入{toName}。", $"Your membership moved from {fromName} to {toName}."), ct);
        db.Entry(transfer).Property(t => t.Version).OriginalValue = transfer.Version;
        transfer.Version++;
        audit.Record(TransferAuditActions.Decided, "member", member.Id.ToString(), transfer.ToPath, new { status = transfer.Status, from = transfer.FromPath, to = transfer.ToPath }, actorName: actor);
        foreach (var follower in followers)
        {
            await follower.OnMovedAsync(MemberDirectory.Summary(member), ct);
        }

        await db.SaveChangesAsync(ct);
        await stats.FlushAsync(ct);
        await rollups.AdjustMembersAsync(transfer.FromOrgId, -1, ct);
        await rollups.AdjustMembersAsync(transfer.ToOrgId, 1, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>A notice to the member's signed-in phone, if they have ever signed in (else they hear at the union).</summary>
    private async Task NotifyMemberAsync(Guid memberId, string title, string body, CancellationToken ct)
    {
        var phoneHash = await db.MemberLogins.Where(l => l.MemberId == memberId).Select(l => l.PhoneHash).FirstOrDefaultAsync(ct);
        if (phoneHash is not null)
        {
            notices.Queue(phoneHash, title, body, "/m/Transfer");
        }
    }

    private async Task<MemberTransfer> FindAsync(Guid id, bool receiving, CancellationToken ct)
    {
        var (from, to) = Scope;
        var query = receiving
            ? db.MemberTransfers.Where(t => string.Compare(t.ToPath, from) >= 0 && string.Compare(t.ToPath, to) < 0)
            : db.MemberTransfers.Where(t => string.Compare(t.FromPath, from) >= 0 && string.Compare(t.FromPath, to) < 0);
        return await query.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException();
    }

    /// <summary>
    /// The cadre's subtree as a path range. A transfer has two paths, so the context's one-path filter cannot apply;
    /// no scope (not a signed-in cadre) is a range nothing falls in.
    /// </summary>
    private (string From, string To) Scope => (db.ScopeFrom ?? "\uffff", db.ScopeTo ?? "\uffff");

    private static void Expect(MemberTransfer transfer, int version, TransferStatus status)
    {
        if (transfer.Status != status || transfer.Version != version)
        {
            throw new ConflictException(Loc.T("该转接已处理或已变化，请刷新后查看", "The transfer was decided or changed meanwhile; reload it"));
        }
    }

    private async Task SaveDecisionAsync(MemberTransfer transfer, int version, CancellationToken ct)
    {
        db.Entry(transfer).Property(t => t.Version).OriginalValue = version;
        transfer.Version = version + 1;
        audit.Record(TransferAuditActions.Decided, "member", transfer.MemberId.ToString(), transfer.ToPath, new { status = transfer.Status, transfer.Reason },
            actorName: transfer.ClosedBy ?? cadre.UserNameOrNull ?? "member");
        await db.SaveChangesAsync(ct);
    }

    private async Task<IReadOnlyList<TransferView>> ViewsAsync(List<MemberTransfer> rows, string? scope, CancellationToken ct)
    {
        var names = await orgs.PublicNamesAsync(rows.SelectMany(r => new[] { r.FromOrgId, r.ToOrgId }), ct);

        return rows.Select(t => new TransferView(t.Id, t.MemberName, t.IdMasked, names.GetValueOrDefault(t.FromOrgId, ""), names.GetValueOrDefault(t.ToOrgId, ""), t.Status, MemberTransfer.StatusLabel(t.Status).ToString(),
            t.RequestedAt, t.AcceptedAt, t.ClosedAt, t.Reason, t.Version,
            Incoming: scope is not null && t.ToPath.StartsWith(scope, StringComparison.Ordinal),
            Outgoing: scope is not null && t.FromPath.StartsWith(scope, StringComparison.Ordinal))).ToList();
    }
}