using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Rights.Cases;

/// <summary>Queues, a case's page, a member's own cases and the public lookup; every cadre query runs through the asker's subtree.</summary>
public sealed class CaseQueries(AppDbContext db, IOrgDirectory orgs, PersonalDataProtector protector, AuditTrail audit, CurrentCadre cadre, TimeProvider clock,
    RightsOptions options)
{
    public const int PageSize = 50;

    /// <summary>How close to a deadline a case is shown as due soon.</summary>
    public static readonly TimeSpan DueSoonWithin = TimeSpan.FromHours(24);

    public async Task<CasePage> QueueAsync(CaseFilter filter, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var query = Filtered(db.RightsCases.AsNoTracking(), filter, now);
        if (filter.ForQualityCheck == true)
        {
            var rate = options.QualitySamplePercent;
            query = query.Where(c => c.Status == CaseStatus.Closed && c.QualityPassed == null && (c.WasReopened || c.SampleBucket < rate));
        }

        if (filter.EscalatedToMe == true)
        {
            var mine = cadre.OrgPath;
            query = query.Where(c => c.EscalatedOrgPath == mine && c.Status != CaseStatus.Closed);
        }

        var total = await query.CountAsync(ct);
        var page = Math.Clamp(filter.Page ?? 1, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var cases = await query.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var names = await orgs.PublicNamesAsync(cases.Select(c => c.OrgId).Distinct(), ct);
        return new(cases.Select(c => Row(c, names, now)).ToList(), total, page, PageSize);
    }

    /// <summary>A case in the asker's subtree with its history; the view is audited (cases carry personal accounts of people's work).</summary>
    public async Task<CaseDetail> DetailAsync(Guid id, CancellationToken ct)
    {
        var c = await db.RightsCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        var steps = await db.CaseSteps.AsNoTracking().Where(s => s.CaseId == id).OrderBy(s => s.Id).ToListAsync(ct);
        var recoveries = await db.WageRecoveries.AsNoTracking().Where(r => r.CaseId == id).OrderBy(r => r.Id).ToListAsync(ct);
        var names = await orgs.PublicNamesAsync([c.OrgId], ct);
        var hidden = HiddenFromViewer(c);
        await audit.RecordNowAsync(RightsAuditActions.Viewed, "rights-case", c.Id.ToString(), c.OrgPath, new { confidential = !c.EmployerMayKnow, callerHidden = hidden }, ct: ct);
        return new(Row(c, names, clock.GetUtcNow()), c.Version, c.Complexity, protector.Decrypt(c.DetailsCipher), hidden, hidden ? null : c.PhoneMasked,
            c.EmployerMayKnow, c.AmountClaimed, c.WorkersAffected, c.AmountRecovered, c.WorkersHelped, c.AcceptDueAt, c.ResolveDueAt, c.CallbackDueAt, c.AcceptedAt,
            c.ResolvedAt, c.ClosedAt, c.PausedDays, c.Result, c.Satisfaction, c.QualityPassed,
            steps.Select(s => new CaseStepView(s.Kind, CaseStep.Label(s.Kind).ToString(), s.Action is { } a ? CaseStep.Label(a).ToString() : null, s.Actor, s.ActorOrg, s.At,
                s.ToOrgName, s.Note)).ToList(),
            recoveries.Select(r => new WageRecoveryView(r.Amount, r.Workers, r.RecoveredOn, r.RecordedBy, r.Note)).ToList());
    }

    /// <summary>Earlier cases of the caller on the line (by the keyed hash of their phone), newest first.</summary>
    public async Task<IReadOnlyList<CaseRow>> ByPhoneAsync(string phoneHash, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cases = await db.RightsCases.AsNoTracking().Where(c => c.PhoneHash == phoneHash).OrderByDescending(c => c.ReceivedAt).Take(20).ToListAsync(ct);
        var names = await orgs.PublicNamesAsync(cases.Select(c => c.OrgId).Distinct(), ct);
        return cases.Select(c => Row(c, names, now)).ToList();
    }

    /// <summary>A member's own cases (filed by them, or by an agent for them, or under the phone they sign in with).</summary>
    public async Task<IReadOnlyList<MyCase>> MineAsync(Guid memberId, string? phoneHash, CancellationToken ct)
    {
        var cases = await db.RightsCases.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.MemberId == memberId || (phoneHash != null && c.PhoneHash == phoneHash))
            .OrderByDescending(c => c.ReceivedAt).Take(50).ToListAsync(ct);
        var names = await orgs.PublicNamesAsync(cases.Select(c => c.OrgId).Distinct(), ct);
        return cases.Select(c => Mine(c, names)).ToList();
    }

    /// <summary>The public lookup: a tracking number and the phone the case was filed with must both match; nothing else is told.</summary>
    public async Task<MyCase?> LookupAsync(string? trackingNumber, string? phone, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(trackingNumber) || !MobileNumber.IsValid(phone?.Trim()))
        {
            return null;
        }

        var hash = protector.BlindIndex(phone!.Trim());
        var number = trackingNumber.Trim().ToUpperInvariant();
        var c = await db.RightsCases.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.TrackingNumber == number && x.PhoneHash == hash, ct);
        return c is null ? null : Mine(c, await orgs.PublicNamesAsync([c.OrgId], ct));
    }

    private static MyCase Mine(RightsCase c, IReadOnlyDictionary<long, string> names) =>
        new(c.Id, c.TrackingNumber, c.Kind, c.Topic, c.Status, c.Subject, names.GetValueOrDefault(c.OrgId, ""), c.ReceivedAt, c.ResolveDueAt, c.Result,
            c.Satisfaction, c.Version);

    private static IQueryable<RightsCase> Filtered(IQueryable<RightsCase> query, CaseFilter f, DateTimeOffset now)
    {
        if (f.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }
        else if (f.Open == true)
        {
            query = query.Where(c => c.Status != CaseStatus.Closed);
        }

        if (f.Kind is { } kind)
        {
            query = query.Where(c => c.Kind == kind);
        }

        if (f.Topic is { } topic)
        {
            query = query.Where(c => c.Topic == topic);
        }

        if (f.Channel is { } channel)
        {
            query = query.Where(c => c.Channel == channel);
        }

        if (!string.IsNullOrWhiteSpace(f.Handler))
        {
            var handler = f.Handler.Trim();
            query = query.Where(c => c.Handler == handler);
        }

        if (f.From is { } from)
        {
            var start = ChinaMidnight(from);
            query = query.Where(c => c.ReceivedAt >= start);
        }

        if (f.To is { } to)
        {
            var end = ChinaMidnight(to.AddDays(1));
            query = query.Where(c => c.ReceivedAt < end);
        }

        if (f.Overdue == true)
        {
            query = query.Where(c => (c.Status == CaseStatus.Received && c.AcceptDueAt < now) || (c.Status == CaseStatus.InProgress && c.ResolveDueAt < now)
                || (c.Status == CaseStatus.Resolved && c.CallbackDueAt < now));
        }

        return query;
    }

    private static DateTimeOffset ChinaMidnight(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();

    private CaseRow Row(RightsCase c, IReadOnlyDictionary<long, string> names, DateTimeOffset now)
    {
        var due = c.Status switch
        {
            CaseStatus.Received => c.AcceptDueAt,
            CaseStatus.InProgress or CaseStatus.Paused => c.ResolveDueAt,
            CaseStatus.Resolved => c.CallbackDueAt,
            _ => (DateTimeOffset?)null,
        };
        var state = due is not { } d || c.Status == CaseStatus.Paused ? DeadlineState.None
            : d < now ? DeadlineState.Overdue
            : d - now <= DueSoonWithin ? DeadlineState.DueSoon
            : DeadlineState.OnTime;
        var caller = HiddenFromViewer(c) ? CaseDetail.Hidden : c.CallerName is { } name ? Mask.Name(name) : Platform.Localization.Loc.T("匿名", "Anonymous");
        return new(c.Id, c.TrackingNumber, c.Kind, c.Topic, c.Channel, c.Status, c.Subject, c.OrgId, names.GetValueOrDefault(c.OrgId, ""), caller, c.EmployerName,
            c.ReceivedAt, due, state, c.EscalationLevel, c.Handler);
    }

    /// <summary>
    /// A cadre at the employer's own union (or below it) never learns who complained unless the member agreed — the
    /// employer could find out through them.
    /// </summary>
    private bool HiddenFromViewer(RightsCase c) =>
        !c.EmployerMayKnow && c.EmployerUnionPath is { } employer && cadre.IsSignedIn && cadre.OrgPath.StartsWith(employer, StringComparison.Ordinal);
}