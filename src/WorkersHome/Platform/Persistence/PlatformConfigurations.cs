using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Outbox;
using WorkersHome.Platform.Security;
using WorkersHome.Platform.Sms;

namespace WorkersHome.Platform.Persistence;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("entries", "audit");
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.Sequence).IsUnique();
        // The sealer's work list: small, because rows leave it within a fraction of a second of their commit.
        b.HasIndex(a => a.Id).HasFilter("\"Sequence\" IS NULL").HasDatabaseName("IX_entries_unsealed");
        b.Property(a => a.ActorName).HasMaxLength(100);
        b.Property(a => a.Action).HasMaxLength(60);
        b.Property(a => a.TargetType).HasMaxLength(60);
        b.Property(a => a.TargetId).HasMaxLength(100);
        b.Property(a => a.OrgPath).HasMaxLength(400);
        b.Property(a => a.ClientIp).HasMaxLength(64);
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.HasIndex(a => a.At);
        b.HasIndex(a => a.OrgPath);
    }
}

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> b)
    {
        b.ToTable("checkpoints", "audit");
        b.HasIndex(c => c.PeriodStart).IsUnique();
        b.Property(c => c.Hash).HasMaxLength(64);
        b.Property(c => c.KeyId).HasMaxLength(8);
        b.Property(c => c.Signature).HasMaxLength(200);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox", "platform");
        b.Property(m => m.Channel).HasMaxLength(30);
        b.Property(m => m.RecipientHash).HasMaxLength(64);
        b.Property(m => m.RecipientMasked).HasMaxLength(40);
        b.Property(m => m.ClientIp).HasMaxLength(64);
        b.Property(m => m.ClaimedBy).HasMaxLength(60);
        b.Property(m => m.DeliveredBy).HasMaxLength(60);
        b.Property(m => m.LastError).HasMaxLength(200);
        b.HasIndex(m => new { m.DeliveredAt, m.Id });
        b.HasIndex(m => new { m.Channel, m.RecipientHash, m.CreatedAt });
        b.HasIndex(m => new { m.Channel, m.ClientIp, m.CreatedAt });
        b.HasIndex(m => m.ClaimedBy);
    }
}

internal sealed class OutboxDeliveryConfiguration : IEntityTypeConfiguration<OutboxDelivery>
{
    public void Configure(EntityTypeBuilder<OutboxDelivery> b)
    {
        b.ToTable("outbox_deliveries", "platform");
        b.Property(d => d.Instance).HasMaxLength(60);
        b.HasIndex(d => d.MessageId);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("api_tokens", "identity");
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => t.UserId);
    }
}

internal sealed class SmsLoginCodeConfiguration : IEntityTypeConfiguration<SmsLoginCode>
{
    public void Configure(EntityTypeBuilder<SmsLoginCode> b)
    {
        b.ToTable("sms_login_codes", "platform");
        b.Property(c => c.PhoneHash).HasMaxLength(64);
        b.Property(c => c.CodeHash).HasMaxLength(64);
        b.HasIndex(c => new { c.PhoneHash, c.Id });
    }
}
internal sealed class MemberNoticeConfiguration : IEntityTypeConfiguration<Notices.MemberNotice>
{
    public void Configure(EntityTypeBuilder<Notices.MemberNotice> b)
    {
        b.ToTable("member_notices", "platform");
        b.Property(n => n.RecipientHash).HasMaxLength(64);
        b.Property(n => n.Title).HasMaxLength(100);
        b.Property(n => n.Body).HasMaxLength(1000);
        b.Property(n => n.Link).HasMaxLength(200);
        b.HasIndex(n => new { n.RecipientHash, n.Id });
        b.HasIndex(n => n.OutboxMessageId).IsUnique();
    }
}

internal sealed class TreeCounterConfiguration : IEntityTypeConfiguration<Statistics.TreeCounter>
{
    public void Configure(EntityTypeBuilder<Statistics.TreeCounter> b)
    {
        b.ToTable("tree_counters", "platform");
        b.HasKey(c => new { c.OrgCode, c.Metric, c.Key });
        b.Property(c => c.OrgCode).HasMaxLength(40);
        b.Property(c => c.Metric).HasMaxLength(40);
    }
}