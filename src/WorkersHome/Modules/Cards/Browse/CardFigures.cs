using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Statistics;

namespace WorkersHome.Modules.Cards.Browse;

/// <summary>
/// A subtree's cards by status, and its members without a card: those whose membership counts (active or retained)
/// less the live cards (normal, frozen, lost), which an ended membership cancels. Both come from figures kept per
/// node, so a province's page reads a few rows, not its members.
/// </summary>
public sealed record CardCounts(IReadOnlyDictionary<CardStatus, long> ByStatus, int CountingMembers)
{
    public long Live => ByStatus.Where(s => s.Key is CardStatus.Active or CardStatus.Frozen or CardStatus.ReportedLost).Sum(s => s.Value);

    public long WithoutCard => Math.Max(0, CountingMembers - Live);

    public long Of(CardStatus status) => ByStatus.GetValueOrDefault(status);
}

public sealed class CardFigures(AppDbContext db, IOrgDirectory orgs, IMemberDirectory members)
{
    public async Task<CardCounts> ForOrgAsync(long orgId, CancellationToken ct = default)
    {
        var org = await orgs.FindInScopeAsync(orgId, ct) ?? throw new NotFoundException();
        var code = org.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];
        var rows = await db.Set<TreeCounter>().AsNoTracking().Where(c => c.OrgCode == code && c.Metric == Metrics.CardsByStatus)
            .Select(c => new { c.Key, c.Count }).ToListAsync(ct);
        var byStatus = Enum.GetValues<CardStatus>().ToDictionary(s => s, s => rows.Where(r => r.Key == (int)s).Sum(r => r.Count));
        return new CardCounts(byStatus, await members.CountingInSubtreeAsync(org.Path, ct));
    }
}