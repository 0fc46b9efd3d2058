using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using WorkersHome.Modules.Rights.Cases;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Rights.Messaging;

/// <summary>
/// One message received on a channel, by its channel's own id (wx:{MsgId}, sms:{id}): the unique key makes a resent
/// message a no-op that answers with the reply first given, whether the message filed a case or joined one.
/// </summary>
public sealed class InboundMessage
{
    public long Id { get; set; }

    public string Key { get; set; } = "";

    public CaseChannel Channel { get; set; }

    public Guid? CaseId { get; set; }

    /// <summary>Whether the message joined an open case (rather than filing a new one).</summary>
    public bool Joined { get; set; }

    /// <summary>What the member was answered; empty until the message is handled (in the same transaction).</summary>
    public string Reply { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }
}

internal sealed class InboundMessageConfiguration : IEntityTypeConfiguration<InboundMessage>
{
    public void Configure(EntityTypeBuilder<InboundMessage> b)
    {
        b.ToTable("inbound_messages", "rights");
        b.Property(m => m.Key).HasMaxLength(120);
        b.Property(m => m.Reply).HasMaxLength(1000);
        b.HasIndex(m => m.Key).IsUnique();
    }
}

public static class MessagingTables
{
    extension(AppDbContext db)
    {
        public DbSet<InboundMessage> InboundMessages => db.Set<InboundMessage>();
    }
}