using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Rights.Calendar;
using WorkersHome.Modules.Rights.Cases;
using WorkersHome.Modules.Rights.Knowledge;
using WorkersHome.Modules.Rights.TimeLimits;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Rights;

/// <summary>Named sets for the module's entities; their mapping lives in the configuration classes beside this file.</summary>
public static class RightsTables
{
    /// <summary>The Rights module's tables, as properties of the one context (the module owns them; Platform does not know them).</summary>
    extension(AppDbContext db)
    {
        public DbSet<CalendarDay> CalendarDays => db.Set<CalendarDay>();

        public DbSet<TimeLimitRule> TimeLimitRules => db.Set<TimeLimitRule>();

        public DbSet<RightsCase> RightsCases => db.Set<RightsCase>();

        public DbSet<CaseStep> CaseSteps => db.Set<CaseStep>();

        public DbSet<WageRecovery> WageRecoveries => db.Set<WageRecovery>();

        public DbSet<KnowledgeArticle> KnowledgeArticles => db.Set<KnowledgeArticle>();
    }
}