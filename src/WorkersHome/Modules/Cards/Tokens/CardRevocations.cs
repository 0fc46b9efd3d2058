using System.Collections.Concurrent;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Cards.Tokens;

public sealed record RevokedCard(Guid CardId, CardStatus Status, DateTimeOffset At);

/// <summary>
/// The cards that stopped being usable recently, held in memory for the verify endpoint and published for offline
/// tills. Tokens are only signed for active cards and live a minute, so a card revoked more than a day ago can have
/// no unexpired token left: the list covers the last 24 hours and stays small. This instance's own changes apply at
/// once; other instances' arrive with the next refresh, at most <see cref="RefreshEvery"/> later.
/// </summary>
public sealed class CardRevocations(IServiceScopeFactory scopes, TimeProvider clock) : ICardRevocationList
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(2);

    // Changes committed out of timestamp order (a slow transaction) are caught by re-reading this much history.
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<Guid, RevokedCard> _revoked = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private DateTimeOffset? _readUpTo;
    private long _refreshedAt;
    private int _refreshing;

    public CardStatus? RevokedStatusOf(Guid cardId) => _revoked.TryGetValue(cardId, out var card) ? card.Status : null;

    /// <summary>Loads the list on first use and keeps it fresh in the background afterwards; never waits after the first load.</summary>
    public async ValueTask EnsureFreshAsync(CancellationToken ct)
    {
        if (_readUpTo is null)
        {
            await RefreshAsync(ct);
            return;
        }

        if (clock.GetTimestamp() - Interlocked.Read(ref _refreshedAt) > RefreshEvery.TotalSeconds * clock.TimestampFrequency
            && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await RefreshAsync(CancellationToken.None);
                }
                finally
                {
                    Volatile.Write(ref _refreshing, 0);
                }
            }, CancellationToken.None);
        }
    }

    /// <summary>A change this instance has just committed.</summary>
    public void Note(Guid cardId, CardStatus status, DateTimeOffset at)
    {
        if (status == CardStatus.Active)
        {
            _revoked.TryRemove(cardId, out _);
        }
        else
        {
            _revoked[cardId] = new RevokedCard(cardId, status, at);
        }
    }

    public async Task<IReadOnlyList<RevokedCard>> CurrentAsync(CancellationToken ct)
    {
        await EnsureFreshAsync(ct);
        var since = clock.GetUtcNow() - Window;
        return _revoked.Values.Where(c => c.At >= since).OrderBy(c => c.At).ToList();
    }

    public async Task RefreshAsync(CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            var since = _readUpTo is { } upTo ? upTo - Overlap : now - Window;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var changed = await db.MemberCards.IgnoreQueryFilters().AsNoTracking().Where(c => c.StatusChangedAt >= since)
                .Select(c => new { c.Id, c.Status, c.StatusChangedAt }).ToListAsync(ct);
            foreach (var card in changed)
            {
                Note(card.Id, card.Status, card.StatusChangedAt);
            }

            foreach (var old in _revoked.Values.Where(c => c.At < now - Window))
            {
                _revoked.TryRemove(old.CardId, out _);
            }

            _readUpTo = now;
            Interlocked.Exchange(ref _refreshedAt, clock.GetTimestamp());
        }
        finally
        {
            _loading.Release();
        }
    }
}