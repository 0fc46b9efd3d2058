using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Cards.Browse;

public sealed record CardRow(Guid Id, string NumberMasked, CardStatus Status, DateTimeOffset IssuedAt, DateTimeOffset StatusChangedAt,
    Guid MemberId, string HolderName, long OrgId, string UnionName);

public sealed record CardListPage(IReadOnlyList<CardRow> Rows, int Total);

/// <summary>The cards of a union's subtree, newest first, one page at a time; the node must lie in the cadre's subtree.</summary>
public sealed class CardListQueries(AppDbContext db, IOrgDirectory orgs, IMemberDirectory members)
{
    public const int PageSize = 50;

    public async Task<CardListPage> ListAsync(long orgId, CardStatus? status, int page, CancellationToken ct = default)
    {
        var org = await orgs.FindInScopeAsync(orgId, ct) ?? throw new NotFoundException();
        var to = org.Path + "~";
        var query = db.MemberCards.AsNoTracking().Where(c => string.Compare(c.OrgPath, org.Path) >= 0 && string.Compare(c.OrgPath, to) < 0);
        if (status is { } s)
        {
            query = query.Where(c => c.Status == s);
        }

        var total = await query.CountAsync(ct);
        var cards = await query.OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id)
            .Skip(Math.Max(0, page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var holders = await members.NamesAsync(cards.Select(c => c.MemberId).Distinct().ToList(), ct);
        var unions = await orgs.PublicNamesAsync(cards.Select(c => c.OrgId).Distinct(), ct);
        return new CardListPage(cards.Select(c => new CardRow(c.Id, CardNumber.Masked(c.Number), c.Status, c.IssuedAt, c.StatusChangedAt, c.MemberId,
            holders.GetValueOrDefault(c.MemberId, ""), c.OrgId, unions.GetValueOrDefault(c.OrgId, ""))).ToList(), total);
    }
}