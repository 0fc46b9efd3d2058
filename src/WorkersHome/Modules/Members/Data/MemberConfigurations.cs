using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using WorkersHome.Modules.Members.CodeTables;

namespace WorkersHome.Modules.Members.Data;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.ToTable("members", "members");
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.OrgPath).HasMaxLength(400);
        b.Property(m => m.Name).HasMaxLength(50);
        b.Property(m => m.EthnicityCode).HasMaxLength(4);
        b.Property(m => m.IdCipher).HasMaxLength(200);
        b.Property(m => m.IdHash).HasMaxLength(64);
        b.Property(m => m.IdMasked).HasMaxLength(40);
        b.Property(m => m.PhoneCipher).HasMaxLength(200);
        b.Property(m => m.PhoneHash).HasMaxLength(64);
        b.Property(m => m.PhoneMasked).HasMaxLength(20);
        b.Property(m => m.EducationCode).HasMaxLength(4);
        b.Property(m => m.PoliticalStatusCode).HasMaxLength(4);
        b.Property(m => m.EmployerName).HasMaxLength(200);
        b.Property(m => m.PlatformName).HasMaxLength(100);
        b.Property(m => m.HouseholdRegistration).HasMaxLength(200);
        b.Property(m => m.Version).IsConcurrencyToken();
        // One person, one record, nationwide: the keyed hash of the ID number is unique.
        b.HasIndex(m => m.IdHash).IsUnique();
        // Keyed hashes are only compared for equality: a hash index is smaller and cheaper to keep up than a B-tree on PostgreSQL.
        b.HasIndex(m => m.PhoneHash).HasMethod("hash");
        // Also serves "the members of one union" (OrgPath equal to the union's path); no separate OrgId index to keep up.
        // Name and Id ride along (not as keys, which every imported row would pay to compare) so that a name search
        // within a city reads the index alone and visits the table only for the page it shows.
        b.HasIndex(m => new { m.OrgPath, m.Status }).IncludeProperties(m => new { m.Name, m.Id });
    }
}

internal sealed class MembershipEventConfiguration : IEntityTypeConfiguration<MembershipEvent>
{
    public void Configure(EntityTypeBuilder<MembershipEvent> b)
    {
        b.ToTable("events", "members");
        b.Property(e => e.Note).HasMaxLength(500);
        b.Property(e => e.ActorName).HasMaxLength(100);
        b.HasIndex(e => new { e.MemberId, e.Id });
    }
}

internal sealed class MemberLoginConfiguration : IEntityTypeConfiguration<SignIn.MemberLogin>
{
    public void Configure(EntityTypeBuilder<SignIn.MemberLogin> b)
    {
        b.ToTable("logins", "members");
        b.Property(l => l.PhoneHash).HasMaxLength(64);
        b.Property(l => l.PhoneMasked).HasMaxLength(20);
        b.HasIndex(l => l.PhoneHash).IsUnique();
        b.HasIndex(l => l.MemberId);
    }
}

internal sealed class JoinApplicationConfiguration : IEntityTypeConfiguration<Join.JoinApplication>
{
    public void Configure(EntityTypeBuilder<Join.JoinApplication> b)
    {
        b.ToTable("join_applications", "members");
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.PhoneHash).HasMaxLength(64);
        b.Property(a => a.PhoneCipher).HasMaxLength(200);
        b.Property(a => a.PhoneMasked).HasMaxLength(20);
        b.Property(a => a.Name).HasMaxLength(50);
        b.Property(a => a.IdHash).HasMaxLength(64);
        b.Property(a => a.IdCipher).HasMaxLength(200);
        b.Property(a => a.IdMasked).HasMaxLength(40);
        b.Property(a => a.Details).HasMaxLength(4000);
        b.Property(a => a.OrgPath).HasMaxLength(400);
        b.Property(a => a.DecidedBy).HasMaxLength(100);
        b.Property(a => a.Reason).HasMaxLength(500);
        b.Property(a => a.Version).IsConcurrencyToken();
        // One open application per person: a second tap on "submit" cannot file two.
        b.HasIndex(a => a.IdHash).IsUnique().HasFilter("\"Status\" = 1").HasDatabaseName("IX_join_applications_IdHash_Pending");
        b.HasIndex(a => a.PhoneHash);
        b.HasIndex(a => new { a.OrgPath, a.Status, a.SubmittedAt });
    }
}

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

internal sealed class CodeEntryConfiguration : IEntityTypeConfiguration<CodeEntry>
{
    public void Configure(EntityTypeBuilder<CodeEntry> b)
    {
        b.ToTable("code_entries", "members");
        b.HasKey(c => new { c.Table, c.Code });
        b.Property(c => c.Table).HasMaxLength(30);
        b.Property(c => c.Code).HasMaxLength(4);
        b.Property(c => c.Zh).HasMaxLength(50);
        b.Property(c => c.En).HasMaxLength(100);
        b.HasData(StandardCodes.All());
    }
}
internal sealed class CodeSynonymConfiguration : IEntityTypeConfiguration<CodeSynonym>
{
    public void Configure(EntityTypeBuilder<CodeSynonym> b)
    {
        b.ToTable("code_synonyms", "members");
        b.HasKey(s => new { s.Table, s.Text });
        b.Property(s => s.Table).HasMaxLength(30);
        b.Property(s => s.Text).HasMaxLength(CodeSynonym.MaxLength);
        b.Property(s => s.Code).HasMaxLength(4);
        b.HasData(StandardCodes.Synonyms());
    }
}

internal sealed class ImportColumnMappingConfiguration : IEntityTypeConfiguration<Import.ImportColumnMapping>
{
    public void Configure(EntityTypeBuilder<Import.ImportColumnMapping> b)
    {
        b.ToTable("import_column_mappings", "members");
        b.HasKey(m => m.OrgPath);
        b.Property(m => m.OrgPath).HasMaxLength(400);
        b.Property(m => m.Map).HasMaxLength(4000);
        b.Property(m => m.UpdatedBy).HasMaxLength(100);
    }
}

internal sealed class MemberImportConfiguration : IEntityTypeConfiguration<Import.MemberImport>
{
    public void Configure(EntityTypeBuilder<Import.MemberImport> b)
    {
        b.ToTable("imports", "members");
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.ActorName).HasMaxLength(100);
        b.Property(i => i.OrgPath).HasMaxLength(400);
        b.Property(i => i.FileName).HasMaxLength(200);
        b.Property(i => i.Culture).HasMaxLength(10);
        b.Property(i => i.Failure).HasMaxLength(500);
        b.Property(i => i.ColumnMap).HasMaxLength(4000);
        b.Property(i => i.Summary).HasMaxLength(8000);
        b.HasIndex(i => i.At);
        b.HasIndex(i => new { i.State, i.LeaseUntil });
    }
}
internal sealed class MemberStatsConfiguration : IEntityTypeConfiguration<Statistics.MemberStats>
{
    public void Configure(EntityTypeBuilder<Statistics.MemberStats> b)
    {
        b.ToTable("stats", "members");
        b.HasKey(s => s.OrgCode);
        b.Property(s => s.OrgCode).HasMaxLength(20);
    }
}

internal sealed class MemberJoinStatsConfiguration : IEntityTypeConfiguration<Statistics.MemberJoinStats>
{
    public void Configure(EntityTypeBuilder<Statistics.MemberJoinStats> b)
    {
        b.ToTable("join_stats", "members");
        b.HasKey(s => new { s.OrgCode, s.Year });
        b.Property(s => s.OrgCode).HasMaxLength(20);
    }
}