using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Rights.Calendar;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Statistics;

namespace WorkersHome.Modules.Rights.Cases;

/// <summary>
/// The 维权 figures of every tree node, kept in the tree counters in the same transaction as the change (the context's
/// save writes them). A case contributes, under the union handling it and the month it was filed, one count to its kind,
/// topic, channel and status, its acceptance and resolution on time or late, its satisfaction, its escalation level and
/// the wages recovered. Every save takes away what the case contributed before and adds what it contributes now, so a
/// transfer moves its figures to the receiving union and a reopened case leaves the resolved figures.
/// </summary>
public static class CaseFigures
{
    public const string Kind = "rights.kind";
    public const string Topic = "rights.topic";
    public const string Channel = "rights.channel";
    public const string Status = "rights.status";
    public const string Accepted = "rights.accepted";
    public const string Resolved = "rights.resolved";
    public const string Satisfaction = "rights.satisfaction";
    public const string Escalated = "rights.escalated";

    /// <summary>Wages recovered: Count = workers helped, Amount = yuan in fen; key = month × 100.</summary>
    public const string Recovered = "rights.recovered";

    public const int OnTime = 1;
    public const int Late = 2;

    public static readonly string[] All = [Kind, Topic, Channel, Status, Accepted, Resolved, Satisfaction, Escalated, Recovered];

    public static void Register() => SaveHooks.Register("rights.case-figures", Track);

    /// <summary>Month (yyyyMM) × 100 + a value: the key of a figure.</summary>
    public static int Key(int month, int value) => month * 100 + value;

    public static IEnumerable<(string Metric, int Key, long Count, long AmountFen)> Of(RightsCase c)
    {
        var month = Metrics.Month(BusinessCalendar.DayOf(c.ReceivedAt));
        yield return (Kind, Key(month, (int)c.Kind), 1, 0);
        yield return (Topic, Key(month, (int)c.Topic), 1, 0);
        yield return (Channel, Key(month, (int)c.Channel), 1, 0);
        yield return (Status, Key(month, (int)c.Status), 1, 0);
        if (c.AcceptedAt is { } accepted)
        {
            yield return (Accepted, Key(month, accepted <= c.AcceptDueAt ? OnTime : Late), 1, 0);
        }

        if (c.ResolvedAt is { } resolved)
        {
            yield return (Resolved, Key(month, resolved <= c.ResolveDueAt ? OnTime : Late), 1, 0);
        }

        if (c.Satisfaction is { } satisfaction)
        {
            yield return (Satisfaction, Key(month, (int)satisfaction), 1, 0);
        }

        if (c.EscalationLevel > 0)
        {
            yield return (Escalated, Key(month, c.EscalationLevel), 1, 0);
        }

        if (c.AmountRecovered > 0 || c.WorkersHelped > 0)
        {
            yield return (Recovered, Key(month, 0), c.WorkersHelped, (long)decimal.Round(c.AmountRecovered * 100));
        }
    }

    /// <summary>
    /// The save hook: for each case added or changed, its old contribution out and its new one in. Changes are detected
    /// for the cases alone, so that a save of thousands of other rows pays nothing here.
    /// </summary>
    private static void Track(AppDbContext db)
    {
        var auto = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in db.ChangeTracker.Entries<RightsCase>())
            {
                entry.DetectChanges();
                if (entry.State == EntityState.Modified)
                {
                    var before = (RightsCase)entry.OriginalValues.ToObject();
                    foreach (var (metric, key, count, fen) in Of(before))
                    {
                        db.Counters.Add(before.OrgPath, metric, key, -count, -fen);
                    }
                }

                if (entry.State is EntityState.Added or EntityState.Modified)
                {
                    foreach (var (metric, key, count, fen) in Of(entry.Entity))
                    {
                        db.Counters.Add(entry.Entity.OrgPath, metric, key, count, fen);
                    }
                }
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = auto;
        }
    }
}