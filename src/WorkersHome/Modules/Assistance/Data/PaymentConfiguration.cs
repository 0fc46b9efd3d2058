using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Assistance.Data;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Disbursement.Payment>
{
    public void Configure(EntityTypeBuilder<Disbursement.Payment> b)
    {
        b.ToTable("payments", "assistance");
        b.Property(p => p.OrgPath).HasMaxLength(400);
        b.Property(p => p.PayeeName).HasMaxLength(50);
        b.Property(p => p.IdMasked).HasMaxLength(40);
        b.Property(p => p.BankName).HasMaxLength(40);
        b.Property(p => p.AccountCipher).HasMaxLength(400);
        b.Property(p => p.AccountMasked).HasMaxLength(40);
        b.Property(p => p.Amount).HasPrecision(16, 2);
        b.Property(p => p.FailureReason).HasMaxLength(200);
        // One payment per approved application, ever.
        b.HasIndex(p => p.ApplicationId).IsUnique();
        b.HasIndex(p => new { p.ProgramId, p.Status, p.OrgPath });
        b.HasIndex(p => new { p.BatchId, p.Status });
    }
}