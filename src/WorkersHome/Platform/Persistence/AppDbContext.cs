using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

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

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

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
        PostgresText.Register(builder);

        // Each module marks its org-owned entities; collation, subtree filter and the move rule follow from that mark.
        OrgOwnership.OrgOwnershipModel.Apply(builder, this);
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

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        SaveHooks.Run(this);
        if (!Counters.HasPending)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The figures and the change that caused them commit together or not at all.
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
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
}

/// <summary>Full-precision UTC ticks: sortable, comparable, and exact enough for the audit hashes.</summary>
internal sealed class UtcTicksConverter()
    : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));