using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Cards;

/// <summary>Named sets for the module's entities; their mapping lives in the configuration classes beside this file.</summary>
public static class CardsTables
{
    /// <summary>The Cards module's tables, as properties of the one context (the module owns them; Platform does not know them).</summary>
    extension(AppDbContext db)
    {
        public DbSet<MemberCard> MemberCards => db.Set<MemberCard>();

        public DbSet<CardStatusChange> CardStatusChanges => db.Set<CardStatusChange>();

        public DbSet<CardBenefit> CardBenefits => db.Set<CardBenefit>();
    }
}