using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Cards.Tokens;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Statistics;

namespace WorkersHome.Modules.Cards.Issue;

public static class CardAuditActions
{
    public const string Issued = "card.issued";
    public const string StatusChanged = "card.status-changed";
    public const string BulkIssued = "card.bulk-issued";
}

/// <summary>
/// What the card use cases share: a member's live card, a new card with its province's number, and the record of each
/// step (the history row and the tree's counts by status), written here once.
/// </summary>
public sealed class CardBook(AppDbContext db, CardOptions options, TimeProvider clock)
{
    public Task<MemberCard?> LiveCardAsync(Guid memberId, CancellationToken ct) =>
        db.MemberCards.IgnoreQueryFilters().Where(c => c.MemberId == memberId && c.Status != CardStatus.Reissued && c.Status != CardStatus.Cancelled)
            .FirstOrDefaultAsync(ct);

    /// <summary>The prefix for a union's province: its own configured one, or the default followed by the province code.</summary>
    public string PrefixFor(string orgPath)
    {
        var province = orgPath.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(s => s.Length == 2 && s.All(char.IsAsciiDigit)) ?? "00";
        return options.NumberPrefixes.TryGetValue(province, out var prefix) ? prefix : options.DefaultNumberPrefix + province;
    }

    public MemberCard NewCard(Guid memberId, long orgId, string orgPath, MemberCard? replaces)
    {
        var now = clock.GetUtcNow();
        return MemberCard.Issue(RandomPool.CreateVersion7(now), memberId, orgId, orgPath, CardNumber.NewRandom(PrefixFor(orgPath)), now, replaces);
    }

    /// <summary>Adds the step to the card's history and moves it between the counts by status (or counts a new card).</summary>
    public void Record(MemberCard card, CardStatus? from, string actorName, string reason)
    {
        if (from is { } before)
        {
            db.Counters.Move(card.OrgPath, Metrics.CardsByStatus, (int)before, (int)card.Status);
        }
        else
        {
            db.Counters.Add(card.OrgPath, Metrics.CardsByStatus, (int)card.Status);
        }

        db.CardStatusChanges.Add(CardStatusChange.Of(card, from, actorName, reason));
    }
}