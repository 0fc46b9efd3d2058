using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Cards.Data;

internal sealed class MemberCardConfiguration : IEntityTypeConfiguration<MemberCard>
{
    public void Configure(EntityTypeBuilder<MemberCard> b)
    {
        b.ToTable("cards", "cards");
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.OrgPath).HasMaxLength(400);
        b.Property(c => c.Number).HasMaxLength(CardNumber.Length);
        b.Property(c => c.BankName).HasMaxLength(50);
        b.Property(c => c.BankCardLast4).HasMaxLength(4);
        b.Property(c => c.BankAccountCipher).HasMaxLength(200);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.Number).IsUnique();
        // One live card per member: a double tap on "issue" or "reissue" cannot leave two usable cards.
        b.HasIndex(c => c.MemberId).IsUnique().HasFilter("\"Status\" IN (1, 2, 3)").HasDatabaseName("IX_cards_MemberId_Live");
        b.HasIndex(c => c.MemberId);
        // The revocation list reads recent changes.
        b.HasIndex(c => c.StatusChangedAt);
        b.HasIndex(c => new { c.OrgPath, c.Status });
    }
}