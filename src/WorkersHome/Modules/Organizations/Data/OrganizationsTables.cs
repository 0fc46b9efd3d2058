using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Organizations;

/// <summary>Named sets for the module's entities; their mapping lives in the configuration classes beside this file.</summary>
public static class OrganizationsTables
{
    /// <summary>The Organizations module's tables, as properties of the one context (the module owns them; Platform does not know them).</summary>
    extension(AppDbContext db)
    {
        public DbSet<OrgUnit> OrgUnits => db.Set<OrgUnit>();

        public DbSet<OrgRollup> OrgRollups => db.Set<OrgRollup>();

        public DbSet<OrgHistoryEntry> OrgHistory => db.Set<OrgHistoryEntry>();
    }
}