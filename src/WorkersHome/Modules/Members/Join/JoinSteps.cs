using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Notices;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Sms;
using WorkersHome.Platform.Statistics;

namespace WorkersHome.Modules.Members.Join;

public static class JoinAuditActions
{
    public const string Applied = "member.join-applied";
    public const string Decided = "member.join-decided";
}

/// <summary>What every decision on an application shares: telling the applicant, and saving it with its counts and audit row.</summary>
public sealed class JoinSteps(AppDbContext db, PersonalDataProtector protector, ISmsSender sms, NoticeBoard notices, AuditTrail audit)
{
    /// <summary>An SMS to the phone that applied, and the same news on the applicant's page.</summary>
    public void NotifyApplicant(JoinApplication application, string smsText, string title, string body, string link)
    {
        sms.QueueNotice(protector.Decrypt(application.PhoneCipher), smsText);
        notices.Queue(application.PhoneHash, title, body, link);
    }

    /// <summary>Saves a decision the application has taken from <paramref name="version"/>; a copy changed meanwhile fails as stale.</summary>
    public async Task SaveDecisionAsync(JoinApplication application, int version, CancellationToken ct)
    {
        db.Entry(application).Property(a => a.Version).OriginalValue = version;
        var now = application.DecidedAt!.Value;
        var day = ChinaTime.DayOf(now);
        db.Counters.Add(application.OrgPath, application.Status switch
        {
            JoinStatus.Approved => Metrics.JoinApproved,
            JoinStatus.Rejected => Metrics.JoinRejected,
            _ => Metrics.JoinWithdrawn,
        }, Metrics.Month(day));
        if (application.Status == JoinStatus.Approved)
        {
            db.Counters.Add(application.OrgPath, Metrics.JoinApprovalMinutes, Metrics.MinutesBucket(day.Year, now - application.SubmittedAt));
        }

        audit.Record(JoinAuditActions.Decided, "join-application", application.Id.ToString(), application.OrgPath,
            new { status = application.Status, reason = application.Reason }, actorName: application.DecidedBy!);
        await db.SaveChangesAsync(ct);
    }
}