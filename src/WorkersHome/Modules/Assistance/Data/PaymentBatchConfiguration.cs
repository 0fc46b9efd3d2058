using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Assistance.Data;

internal sealed class PaymentBatchConfiguration : IEntityTypeConfiguration<Disbursement.PaymentBatch>
{
    public void Configure(EntityTypeBuilder<Disbursement.PaymentBatch> b)
    {
        b.ToTable("payment_batches", "assistance");
        b.Property(x => x.OrgPath).HasMaxLength(400);
        b.Property(x => x.OrgName).HasMaxLength(100);
        b.Property(x => x.Total).HasPrecision(16, 2);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Property(x => x.ConfirmedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.RequestKey).IsUnique();
        b.HasIndex(x => new { x.ProgramId, x.OrgPath });
    }
}