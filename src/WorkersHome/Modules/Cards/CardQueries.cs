using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Cards;

public sealed record CardStepView(DateTimeOffset At, string? From, string To, string ActorName, string Reason);

public sealed record CardView(
    Guid Id, string Number, string NumberGrouped, CardStatus Status, string StatusLabel, int Version, DateTimeOffset IssuedAt,
    string HolderName, string UnionName, string? BankName, string? BankCardLast4, IReadOnlyList<string> Benefits,
    IReadOnlyList<CardAction> Actions, IReadOnlyList<CardStepView> History);

/// <summary>A card as its holder or a cadre sees it: number, status, linked benefits, what may be done next, history.</summary>
public sealed class CardQueries(AppDbContext db, IMemberDirectory members, IOrgDirectory orgs)
{
    /// <summary>The newest card of a member in the asker's scope (cadres), or null if none was ever issued.</summary>
    public async Task<CardView?> ForMemberAsync(Guid memberId, bool byMember, CancellationToken ct)
    {
        var cards = byMember ? db.MemberCards.IgnoreQueryFilters() : db.MemberCards;
        var card = await cards.AsNoTracking().Where(c => c.MemberId == memberId).OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(ct);
        return card is null ? null : await ViewAsync(card, byMember, ct);
    }

    public async Task<CardView> ViewAsync(MemberCard card, bool byMember, CancellationToken ct)
    {
        var holder = await members.FindCheckedAsync(card.MemberId, ct) ?? throw new NotFoundException();
        var union = await orgs.PublicNameAsync(card.OrgId, ct) ?? "";
        // Benefits of every union on the way from the root down to the member's own.
        var ancestors = AncestorPaths(card.OrgPath);
        var benefits = await db.CardBenefits.AsNoTracking().Where(b => ancestors.Contains(b.OrgPath)).OrderBy(b => b.SortOrder).ThenBy(b => b.Id)
            .Select(b => new { b.Zh, b.En }).ToListAsync(ct);
        var history = await db.CardStatusChanges.AsNoTracking().Where(c => c.CardId == card.Id).OrderBy(c => c.Id).ToListAsync(ct);
        return new CardView(card.Id, card.Number, CardNumber.Grouped(card.Number), card.Status, MemberCard.StatusLabel(card.Status).ToString(), card.Version,
            card.IssuedAt, holder.Name, union, card.BankName, card.BankCardLast4,
            benefits.Select(b => Platform.Localization.Loc.T(b.Zh, b.En)).ToList(),
            CardLifecycle.ActionsFrom(card.Status, byMember).ToList(),
            history.Select(h => new CardStepView(h.At, h.From is { } f ? MemberCard.StatusLabel(f).ToString() : null, MemberCard.StatusLabel(h.To).ToString(),
                h.ActorName, h.Reason)).ToList());
    }

    /// <summary>A card in the asker's scope (cadres) or the member's own; anything else is not found.</summary>
    public async Task<MemberCard> FindAsync(Guid cardId, Guid? ownerMemberId, CancellationToken ct)
    {
        var cards = ownerMemberId is { } owner ? db.MemberCards.IgnoreQueryFilters().Where(c => c.MemberId == owner) : db.MemberCards;
        return await cards.FirstOrDefaultAsync(c => c.Id == cardId, ct) ?? throw new NotFoundException();
    }

    /// <summary>A member in the cadre's scope, or the signed-in member themself.</summary>
    public async Task<MemberSummary> MemberAsync(Guid memberId, bool byMember, CancellationToken ct) =>
        await (byMember ? members.FindCheckedAsync(memberId, ct) : members.FindInScopeAsync(memberId, ct)) ?? throw new NotFoundException();

    public static List<string> AncestorPaths(string path)
    {
        var paths = new List<string>();
        for (var i = path.IndexOf('/', 1); i >= 0; i = path.IndexOf('/', i + 1))
        {
            paths.Add(path[..(i + 1)]);
        }

        return paths;
    }
}