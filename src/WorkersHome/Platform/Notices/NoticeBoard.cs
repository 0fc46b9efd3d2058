using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Outbox;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Platform.Notices;

public sealed record NoticeView(long Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, bool Read);

/// <summary>
/// Queues in-app notices through the outbox (they appear when the change that caused them commits, and never for a
/// change that rolled back) and reads them back for their recipient.
/// </summary>
public sealed class NoticeBoard(AppDbContext db, TimeProvider clock)
{
    public const string Channel = "notice";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal sealed record Payload(string Title, string Body, string? Link);

    /// <summary>Adds the notice to the caller's unit of work; it is saved with the caller's next save.</summary>
    public void Queue(string recipientHash, string title, string body, string? link = null) =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            Channel = Channel,
            RecipientHash = recipientHash,
            Body = JsonSerializer.Serialize(new Payload(title, body, link), Json),
            CreatedAt = clock.GetUtcNow(),
        });

    public async Task<IReadOnlyList<NoticeView>> ForAsync(string recipientHash, CancellationToken ct) =>
        await db.Set<MemberNotice>().AsNoTracking()
            .Where(n => n.RecipientHash == recipientHash)
            .OrderByDescending(n => n.Id)
            .Take(100)
            .Select(n => new NoticeView(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);

    public Task<int> UnreadCountAsync(string recipientHash, CancellationToken ct) =>
        db.Set<MemberNotice>().CountAsync(n => n.RecipientHash == recipientHash && n.ReadAt == null, ct);

    /// <summary>Marks every notice of the recipient read (opening the list reads them).</summary>
    public Task<int> MarkAllReadAsync(string recipientHash, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.Set<MemberNotice>().Where(n => n.RecipientHash == recipientHash && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}

/// <summary>
/// Delivers a notice by adding its row to the same unit of work that marks the outbox message delivered, so the row
/// and the mark commit together: a notice is never shown twice nor lost.
/// </summary>
public sealed class NoticeChannel(AppDbContext db) : IOutboxChannel
{
    public string Name => NoticeBoard.Channel;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<NoticeBoard.Payload>(message.Body, NoticeBoard.Json)
            ?? throw new InvalidOperationException("empty notice");
        // A message whose lease ran out while its first delivery was committing is claimed again: the unique message
        // id would refuse the second row, so look first.
        if (await db.Set<MemberNotice>().AnyAsync(n => n.OutboxMessageId == message.Id, ct))
        {
            return;
        }

        db.Set<MemberNotice>().Add(new MemberNotice
        {
            RecipientHash = message.RecipientHash ?? "",
            Title = payload.Title,
            Body = payload.Body,
            Link = payload.Link,
            CreatedAt = message.CreatedAt,
            OutboxMessageId = message.Id,
        });
    }
}