using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Members.Transfer;

public sealed record TransferView(Guid Id, string MemberName, string IdMasked, string FromUnion, string ToUnion, TransferStatus Status, string StatusLabel,
    DateTimeOffset RequestedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? ClosedAt, string? Reason, int Version, bool Incoming, bool Outgoing);

/// <summary>Transfers as the cadre's list and the member's page show them.</summary>
public sealed class TransferQueries(AppDbContext db, IOrgDirectory orgs)
{
    /// <summary>Transfers into or out of the cadre's subtree, open ones first.</summary>
    public async Task<IReadOnlyList<TransferView>> ListForCadreAsync(CancellationToken ct)
    {
        var (from, to) = TransferSteps.ScopeOf(db);
        var rows = await db.MemberTransfers.AsNoTracking()
            .Where(t => (string.Compare(t.ToPath, from) >= 0 && string.Compare(t.ToPath, to) < 0) || (string.Compare(t.FromPath, from) >= 0 && string.Compare(t.FromPath, to) < 0))
            .OrderBy(t => t.Status).ThenByDescending(t => t.RequestedAt).Take(200).ToListAsync(ct);
        return await ViewsAsync(rows, from, ct);
    }

    public async Task<IReadOnlyList<TransferView>> ListForMemberAsync(Guid memberId, CancellationToken ct) =>
        await ViewsAsync(await db.MemberTransfers.AsNoTracking().Where(t => t.MemberId == memberId).OrderByDescending(t => t.RequestedAt).ToListAsync(ct), null, ct);

    private async Task<IReadOnlyList<TransferView>> ViewsAsync(List<MemberTransfer> rows, string? scope, CancellationToken ct)
    {
        var names = await orgs.PublicNamesAsync(rows.SelectMany(r => new[] { r.FromOrgId, r.ToOrgId }), ct);

        return rows.Select(t => new TransferView(t.Id, t.MemberName, t.IdMasked, names.GetValueOrDefault(t.FromOrgId, ""), names.GetValueOrDefault(t.ToOrgId, ""), t.Status, MemberTransfer.StatusLabel(t.Status).ToString(),
            t.RequestedAt, t.AcceptedAt, t.ClosedAt, t.Reason, t.Version,
            Incoming: scope is not null && t.ToPath.StartsWith(scope, StringComparison.Ordinal),
            Outgoing: scope is not null && t.FromPath.StartsWith(scope, StringComparison.Ordinal))).ToList();
    }
}