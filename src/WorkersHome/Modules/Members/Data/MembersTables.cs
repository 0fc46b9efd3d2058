using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Members;

/// <summary>Named sets for the module's entities; their mapping lives in the configuration classes beside this file.</summary>
public static class MembersTables
{
    /// <summary>The Members module's tables, as properties of the one context (the module owns them; Platform does not know them).</summary>
    extension(AppDbContext db)
    {
        public DbSet<Member> Members => db.Set<Member>();

        public DbSet<MembershipEvent> MembershipEvents => db.Set<MembershipEvent>();

        public DbSet<CodeTables.CodeEntry> CodeEntries => db.Set<CodeTables.CodeEntry>();

        public DbSet<Statistics.MemberStats> MemberStats => db.Set<Statistics.MemberStats>();

        public DbSet<Statistics.MemberJoinStats> MemberJoinStats => db.Set<Statistics.MemberJoinStats>();

        public DbSet<SignIn.MemberLogin> MemberLogins => db.Set<SignIn.MemberLogin>();

        public DbSet<Join.JoinApplication> JoinApplications => db.Set<Join.JoinApplication>();

        public DbSet<Transfer.MemberTransfer> MemberTransfers => db.Set<Transfer.MemberTransfer>();
    }
}