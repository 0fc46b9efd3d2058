using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.CodeTables;
using WorkersHome.Modules.Organizations;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Outbox;
using WorkersHome.Platform.Security;
using WorkersHome.Platform.Sms;

namespace WorkersHome.Platform.Persistence;

/// <summary>
/// One context for the monolith; each module maps its own tables (its own PostgreSQL schema)
/// through configuration classes in its Data folder.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<CadreUser, CadreRole, Guid>(options), IDataProtectionKeyContext
{
    public const string ScopeFilter = "OrgScope";

    /// <summary>Lower bound of the signed-in cadre's subtree paths; null means no access at all.</summary>
    public string? ScopeFrom { get; private set; }

    /// <summary>Exclusive upper bound: every path below the scope sorts before it.</summary>
    public string? ScopeTo { get; private set; }

    public string? ScopePath => ScopeFrom;

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();

    public DbSet<OrgRollup> OrgRollups => Set<OrgRollup>();

    public DbSet<OrgHistoryEntry> OrgHistory => Set<OrgHistoryEntry>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<MembershipEvent> MembershipEvents => Set<MembershipEvent>();

    public DbSet<CodeEntry> CodeEntries => Set<CodeEntry>();

    public DbSet<Modules.Members.Statistics.MemberStats> MemberStats => Set<Modules.Members.Statistics.MemberStats>();

    public DbSet<Modules.Members.Statistics.MemberJoinStats> MemberJoinStats => Set<Modules.Members.Statistics.MemberJoinStats>();

    public DbSet<Modules.Cards.MemberCard> MemberCards => Set<Modules.Cards.MemberCard>();

    public DbSet<Modules.Cards.CardStatusChange> CardStatusChanges => Set<Modules.Cards.CardStatusChange>();

    public DbSet<Modules.Cards.CardBenefit> CardBenefits => Set<Modules.Cards.CardBenefit>();

    public DbSet<Modules.Members.SignIn.MemberLogin> MemberLogins => Set<Modules.Members.SignIn.MemberLogin>();

    public DbSet<Modules.Members.Join.JoinApplication> JoinApplications => Set<Modules.Members.Join.JoinApplication>();

    public DbSet<Modules.Members.Transfer.MemberTransfer> MemberTransfers => Set<Modules.Members.Transfer.MemberTransfer>();

    public DbSet<Modules.Merchants.Merchant> Merchants => Set<Modules.Merchants.Merchant>();

    public DbSet<Modules.Merchants.Offer> Offers => Set<Modules.Merchants.Offer>();

    public DbSet<Modules.Merchants.MerchantStaff> MerchantStaff => Set<Modules.Merchants.MerchantStaff>();

    public DbSet<Modules.Merchants.Redemption> Redemptions => Set<Modules.Merchants.Redemption>();

    public DbSet<Modules.Assistance.Archive.HardshipFile> HardshipFiles => Set<Modules.Assistance.Archive.HardshipFile>();

    public DbSet<Modules.Assistance.Archive.HardshipStep> HardshipSteps => Set<Modules.Assistance.Archive.HardshipStep>();

    public DbSet<Modules.Assistance.Archive.HardshipAttachment> HardshipAttachments => Set<Modules.Assistance.Archive.HardshipAttachment>();

    public DbSet<Modules.Assistance.Programs.AssistanceProgram> AssistancePrograms => Set<Modules.Assistance.Programs.AssistanceProgram>();

    public DbSet<Modules.Assistance.Programs.ProgramRuleVersion> ProgramRuleVersions => Set<Modules.Assistance.Programs.ProgramRuleVersion>();

    public DbSet<Modules.Assistance.Programs.ProgramBudget> ProgramBudgets => Set<Modules.Assistance.Programs.ProgramBudget>();

    public DbSet<Modules.Assistance.Programs.FundEntry> FundEntries => Set<Modules.Assistance.Programs.FundEntry>();

    public DbSet<Modules.Assistance.Applications.AssistanceApplication> AssistanceApplications => Set<Modules.Assistance.Applications.AssistanceApplication>();

    public DbSet<Modules.Assistance.Applications.ApplicationStep> ApplicationSteps => Set<Modules.Assistance.Applications.ApplicationStep>();

    public DbSet<Modules.Assistance.Disbursement.Payment> Payments => Set<Modules.Assistance.Disbursement.Payment>();

    public DbSet<Modules.Assistance.Disbursement.PaymentBatch> PaymentBatches => Set<Modules.Assistance.Disbursement.PaymentBatch>();

    public DbSet<Modules.Assistance.MutualAid.Enrollment> Enrollments => Set<Modules.Assistance.MutualAid.Enrollment>();

    public DbSet<Modules.Assistance.Visits.Visit> Visits => Set<Modules.Assistance.Visits.Visit>();

    public DbSet<Modules.Assistance.Visits.VisitPhoto> VisitPhotos => Set<Modules.Assistance.Visits.VisitPhoto>();

    public DbSet<Modules.Assistance.Dashboard.CampaignFigures> CampaignFigures => Set<Modules.Assistance.Dashboard.CampaignFigures>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<OutboxDelivery> OutboxDeliveries => Set<OutboxDelivery>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<SmsLoginCode> SmsLoginCodes => Set<SmsLoginCode>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Tree figures changed by this unit of work; the next save writes them in its transaction.</summary>
    public Statistics.TreeCounterWriter Counters { get; } = new();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Limits every org-owned query of this context to the subtree below <paramref name="path"/>.</summary>
    public void RestrictToSubtree(string path)
    {
        ScopeFrom = path;
        ScopeTo = path + "~";
    }

    /// <summary>For system work (seeding, commands, benchmarks) that acts for the whole tree.</summary>
    public void UseWholeTree() => RestrictToSubtree("");

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        var identity = "identity";
        builder.Entity<CadreUser>().ToTable("users", identity);
        builder.Entity<CadreRole>().ToTable("roles", identity);
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles", identity);
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims", identity);
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins", identity);
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens", identity);
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims", identity);
        builder.Entity<CadreUser>().HasIndex(u => u.OrgId);
        builder.Entity<CadreUser>().Property(u => u.DisplayName).HasMaxLength(100);
        builder.Entity<CadreUser>().Property(u => u.PersonIdHash).HasMaxLength(100);
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys", "platform");

        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        if (IsPostgres)
        {
            // Byte-order collation makes a subtree a range scan on the path index (docs/adr/0002).
            builder.Entity<OrgUnit>().Property(o => o.Path).UseCollation("C");
            builder.Entity<AuditEntry>().Property(a => a.OrgPath).UseCollation("C");
            builder.Entity<Member>().Property(m => m.OrgPath).UseCollation("C");
            builder.Entity<Modules.Cards.MemberCard>().Property(c => c.OrgPath).UseCollation("C");
            builder.Entity<Modules.Members.Join.JoinApplication>().Property(a => a.OrgPath).UseCollation("C");
            builder.Entity<Modules.Members.Transfer.MemberTransfer>().Property(t => t.FromPath).UseCollation("C");
            builder.Entity<Modules.Members.Transfer.MemberTransfer>().Property(t => t.ToPath).UseCollation("C");
            builder.Entity<Modules.Merchants.Merchant>().Property(m => m.OrgPath).UseCollation("C");
            builder.Entity<Modules.Merchants.Redemption>().Property(r => r.OrgPath).UseCollation("C");
            builder.Entity<Modules.Assistance.Archive.HardshipFile>().Property(f => f.OrgPath).UseCollation("C");
            builder.Entity<Modules.Assistance.Programs.AssistanceProgram>().Property(p => p.OrgPath).UseCollation("C");
            builder.Entity<Modules.Assistance.Programs.ProgramBudget>().Property(b => b.OrgPath).UseCollation("C");
            builder.Entity<Modules.Assistance.Applications.AssistanceApplication>().Property(a => a.OrgPath).UseCollation("C");
            builder.Entity<Modules.Assistance.Disbursement.Payment>().Property(p => p.OrgPath).UseCollation("C");
            builder.Entity<Modules.Assistance.Disbursement.PaymentBatch>().Property(b => b.OrgPath).UseCollation("C");
            builder.Entity<Modules.Assistance.MutualAid.Enrollment>().Property(e => e.OrgPath).UseCollation("C");
            builder.Entity<Modules.Assistance.Visits.Visit>().Property(v => v.OrgPath).UseCollation("C");
            builder.Entity<Modules.Assistance.Dashboard.CampaignFigures>().Property(f => f.OrgPath).UseCollation("C");
            // Keyed hashes are only ever compared for equality: byte order is the cheapest, and the phone's
            // non-unique index is a hash index (smaller and cheaper to keep up than a B-tree on 64 characters).
            builder.Entity<Member>().Property(m => m.IdHash).UseCollation("C");
            builder.Entity<Member>().Property(m => m.PhoneHash).UseCollation("C");
            builder.Entity<Member>().HasIndex(m => m.PhoneHash).HasMethod("hash");
        }

        builder.Entity<OrgUnit>().HasQueryFilter(ScopeFilter, o =>
            string.Compare(o.Path, ScopeFrom) >= 0 && string.Compare(o.Path, ScopeTo) < 0);
        builder.Entity<Member>().HasQueryFilter(ScopeFilter, m =>
            string.Compare(m.OrgPath, ScopeFrom) >= 0 && string.Compare(m.OrgPath, ScopeTo) < 0);
        builder.Entity<Modules.Members.Join.JoinApplication>().HasQueryFilter(ScopeFilter, a =>
            string.Compare(a.OrgPath, ScopeFrom) >= 0 && string.Compare(a.OrgPath, ScopeTo) < 0);
        builder.Entity<Modules.Cards.MemberCard>().HasQueryFilter(ScopeFilter, c =>
            string.Compare(c.OrgPath, ScopeFrom) >= 0 && string.Compare(c.OrgPath, ScopeTo) < 0);
        builder.Entity<Modules.Merchants.Merchant>().HasQueryFilter(ScopeFilter, m =>
            string.Compare(m.OrgPath, ScopeFrom) >= 0 && string.Compare(m.OrgPath, ScopeTo) < 0);
        builder.Entity<Modules.Merchants.Redemption>().HasQueryFilter(ScopeFilter, r =>
            string.Compare(r.OrgPath, ScopeFrom) >= 0 && string.Compare(r.OrgPath, ScopeTo) < 0);
        builder.Entity<Modules.Assistance.Archive.HardshipFile>().HasQueryFilter(ScopeFilter, f =>
            string.Compare(f.OrgPath, ScopeFrom) >= 0 && string.Compare(f.OrgPath, ScopeTo) < 0);
        builder.Entity<Modules.Assistance.Applications.AssistanceApplication>().HasQueryFilter(ScopeFilter, a =>
            string.Compare(a.OrgPath, ScopeFrom) >= 0 && string.Compare(a.OrgPath, ScopeTo) < 0);
        builder.Entity<Modules.Assistance.Disbursement.Payment>().HasQueryFilter(ScopeFilter, p =>
            string.Compare(p.OrgPath, ScopeFrom) >= 0 && string.Compare(p.OrgPath, ScopeTo) < 0);
        builder.Entity<Modules.Assistance.Visits.Visit>().HasQueryFilter(ScopeFilter, v =>
            string.Compare(v.OrgPath, ScopeFrom) >= 0 && string.Compare(v.OrgPath, ScopeTo) < 0);
        builder.Entity<Modules.Assistance.Disbursement.PaymentBatch>().HasQueryFilter(ScopeFilter, b =>
            string.Compare(b.OrgPath, ScopeFrom) >= 0 && string.Compare(b.OrgPath, ScopeTo) < 0);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (!IsPostgres)
        {
            // SQLite cannot compare or sort DateTimeOffset text; store UTC ticks instead.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        // Library code (data-protection keys) saves synchronously; audit rows are only ever sealed asynchronously.
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added))
        {
            throw new NotSupportedException("Use SaveChangesAsync: the audit chain is sealed asynchronously.");
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!Counters.HasPending)
        {
            return await SaveSealedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The figures and the change that caused them commit together or not at all.
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await SaveSealedAsync(acceptAllChangesOnSuccess, cancellationToken);
            await Counters.FlushAsync(this, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return saved;
        }
        catch
        {
            // The caller either gives up or clears its changes and starts over, which queues its figures again.
            Counters.Clear();
            throw;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private async Task<int> SaveSealedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var unsealed = ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added && e.Entity.Hash.Length == 0)
            .Select(e => e.Entity)
            .ToList();
        if (unsealed.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        return await AuditChain.SealAndSaveAsync(this, unsealed,
            ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken);
    }
}

/// <summary>Full-precision UTC ticks: sortable, comparable, and exact enough for the audit hashes.</summary>
internal sealed class UtcTicksConverter()
    : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));