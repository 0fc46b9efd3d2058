using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Notices;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Applications;

public sealed record ApplicationDecision(int Version, string? Reason);

public static class ApplicationAuditActions
{
    public const string Step = "assistance.application-step";
    public const string DetailsViewed = "assistance.application-viewed";
}

/// <summary>
/// What every use case on an application does the same way: the step in its history with its audit row, saved under
/// the version the actor saw (a stale one answers 409), and the notice to the member's phone.
/// </summary>
public sealed class ApplicationSteps(AppDbContext db, IMemberDirectory members, NoticeBoard notices, AuditTrail audit, CurrentCadre cadre, TimeProvider clock)
{
    /// <summary>The actor of a step the member took on the phone.</summary>
    public const string ByMember = "member";

    public async Task SaveAsync(AssistanceApplication application, int version, ApplicationStepKind kind, string outcome, string? reason, CancellationToken ct,
        string? actor = null)
    {
        actor ??= cadre.UserName;
        if (version > 0)
        {
            db.Entry(application).Property(a => a.Version).OriginalValue = version;
        }

        application.Version = version + 1;
        application.LastReason = reason ?? application.LastReason;
        db.ApplicationSteps.Add(new ApplicationStep
        {
            ApplicationId = application.Id,
            Kind = kind,
            Actor = actor,
            ActorOrg = actor == ByMember ? "" : cadre.OrgName,
            At = clock.GetUtcNow(),
            Outcome = outcome[..Math.Min(outcome.Length, 800)],
            Reason = reason,
        });
        audit.Record(ApplicationAuditActions.Step, "assistance-application", application.Id.ToString(), application.OrgPath,
            new { kind, application.Status, application.Amount, reason }, actorName: actor == ByMember ? application.MemberName : null);
        // A stale version fails here with 409: someone else decided the application meanwhile.
        await db.SaveChangesAsync(ct);
    }

    public async Task NotifyAsync(AssistanceApplication application, string title, string body, CancellationToken ct) =>
        Notify(await members.SignInPhoneHashAsync(application.MemberId, ct), title, body);

    /// <summary>Queues the notice to the member's phone, if the member signs in on one.</summary>
    public void Notify(string? phoneHash, string title, string body)
    {
        if (phoneHash is not null)
        {
            notices.Queue(phoneHash, title, body, "/m/Aid");
        }
    }

    /// <summary>A reason or remark as kept: trimmed, at most 500 characters, null when blank.</summary>
    public static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, 500)];
}