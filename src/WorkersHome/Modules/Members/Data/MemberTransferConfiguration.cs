using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Members.Data;

internal sealed class MemberTransferConfiguration : IEntityTypeConfiguration<Transfer.MemberTransfer>
{
    public void Configure(EntityTypeBuilder<Transfer.MemberTransfer> b)
    {
        b.ToTable("transfers", "members");
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.MemberName).HasMaxLength(50);
        b.Property(t => t.IdMasked).HasMaxLength(40);
        b.Property(t => t.FromPath).HasMaxLength(400);
        b.Property(t => t.ToPath).HasMaxLength(400);
        b.Property(t => t.RequestedBy).HasMaxLength(100);
        b.Property(t => t.ClosedBy).HasMaxLength(100);
        b.Property(t => t.Reason).HasMaxLength(500);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Ignore(t => t.IsOpen);
        // One transfer in progress per member: the same person can never be on their way to two unions.
        b.HasIndex(t => t.MemberId).IsUnique().HasFilter("\"Status\" IN (1, 2)").HasDatabaseName("IX_transfers_MemberId_Open");
        b.HasIndex(t => new { t.ToPath, t.Status });
        b.HasIndex(t => new { t.FromPath, t.Status });
        b.HasIndex(t => new { t.Status, t.AcceptedAt });
    }
}