using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Outbox;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Platform.Sms;

/// <summary>The SMS messages the outbox holds, newest first: what the Development page /Dev/Sms lists.</summary>
public sealed class SmsOutboxQueries(AppDbContext db)
{
    public async Task<IReadOnlyList<OutboxMessage>> LatestAsync(int count, CancellationToken ct) =>
        await db.OutboxMessages.AsNoTracking().Where(m => m.Channel == "sms").OrderByDescending(m => m.Id).Take(count).ToListAsync(ct);
}