using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Applications;

public sealed record ApplicationFilter(long? ProgramId = null, ApplicationStatus? Status = null, bool WaitingOnly = false, string? Q = null);

public sealed record ApplicationRow(Guid Id, long ProgramId, string ProgramName, string ProgramType, Guid MemberId, string MemberName, string IdMasked,
    string UnionName, ApplicationStatus Status, string StatusLabel, string? SchoolLevel, decimal Amount, string Explanation, string Approval,
    DateTimeOffset FiledAt, int Version);

public sealed record ApplicationStepView(string Step, string Actor, string ActorOrg, DateTimeOffset At, string Outcome, string? Reason);

/// <summary>
/// One application; its facts (costs, remarks) only with the sensitive permission; the household's ID numbers always
/// masked, like every ID number on screen; the payout of an approved one, as its latest payment stands.
/// </summary>
public sealed record ApplicationView(ApplicationRow Application, int RuleVersion, string? FirstApprover, string? LastReason, decimal? ClaimedCost,
    string? Description, IReadOnlyList<DeclaredPerson> Household, bool DetailsShown, IReadOnlyList<ApplicationStepView> History, MedicalBill? Bill = null,
    PayoutView? Payout = null);

/// <summary>
/// A program taking applications now, with what its form asks for and, once judged for a member, why they may not apply
/// (null: they may, or not yet judged).
/// </summary>
public sealed record OpenProgram(long Id, string Name, string TypeLabel, string OrgName, DateOnly EndsOn, bool NeedsSchoolLevel, bool NeedsCost,
    string CostName, string RulesSummary, bool NeedsBill = false, string? Ineligible = null);

public sealed class ApplicationQueries(AppDbContext db, IOrgDirectory orgs, PersonalDataProtector protector, AuditTrail audit, CurrentCadre cadre, TimeProvider clock)
{
    public const int PageSize = 200;

    public async Task<IReadOnlyList<ApplicationRow>> ListAsync(ApplicationFilter filter, CancellationToken ct)
    {
        var query = db.AssistanceApplications.AsNoTracking();
        if (filter.ProgramId is { } program)
        {
            query = query.Where(a => a.ProgramId == program);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (filter.WaitingOnly)
        {
            query = query.Where(a => a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.FirstApproved);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(a => a.MemberName.Contains(q));
        }

        return await RowsAsync(await query.OrderByDescending(a => a.FiledAt).Take(PageSize).ToListAsync(ct), ct);
    }

    /// <summary>Applications in the subtree waiting for an approver of this cadre's level or below.</summary>
    public async Task<int> WaitingForMeAsync(CancellationToken ct)
    {
        var level = (await orgs.FindInScopeAsync(cadre.OrgId, ct))?.Level ?? int.MaxValue;
        return await db.AssistanceApplications.CountAsync(a => (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.FirstApproved)
            && a.ApprovalLevel >= level, ct);
    }

    public async Task<ApplicationView> DetailAsync(Guid id, CancellationToken ct)
    {
        var application = await db.AssistanceApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException();
        var sensitive = cadre.Has(AssistancePermissions.Sensitive);
        if (sensitive)
        {
            audit.Record(ApplicationAuditActions.DetailsViewed, "assistance-application", application.Id.ToString(), application.OrgPath, new { application.MemberName });
            await db.SaveChangesAsync(ct);
        }

        return await ViewAsync(application, sensitive, ct);
    }

    public async Task<IReadOnlyList<ApplicationView>> MineAsync(Guid memberId, CancellationToken ct)
    {
        var applications = await db.AssistanceApplications.IgnoreQueryFilters().AsNoTracking().Where(a => a.MemberId == memberId)
            .OrderByDescending(a => a.FiledAt).Take(50).ToListAsync(ct);
        var views = new List<ApplicationView>();
        foreach (var application in applications)
        {
            views.Add(await ViewAsync(application, true, ct));
        }

        return views;
    }

    /// <summary>What a member has been approved in a program so far (the period cap counts it).</summary>
    public Task<decimal> ReceivedAsync(Guid memberId, long programId, CancellationToken ct) =>
        db.AssistanceApplications.IgnoreQueryFilters().Where(a => a.MemberId == memberId && a.ProgramId == programId && a.Status == ApplicationStatus.Approved)
            .SumAsync(a => a.Amount, ct);

    /// <summary>Open programs of the member's union and the unions above it, taking applications today.</summary>
    public async Task<IReadOnlyList<OpenProgram>> OpenForAsync(string memberOrgPath, CancellationToken ct)
    {
        var paths = ProgramQueries.PathsUpTo(memberOrgPath);
        var today = ChinaTime.DayOf(clock.GetUtcNow());
        var programs = await db.AssistancePrograms.AsNoTracking()
            .Where(p => paths.Contains(p.OrgPath) && p.Status == ProgramStatus.Open && p.StartsOn <= today && p.EndsOn >= today)
            .OrderBy(p => p.OrgPath).ThenBy(p => p.Id).ToListAsync(ct);
        // Every version of these few programs in one query; each program shows the version in force.
        var ids = programs.Select(p => p.Id).ToList();
        var versions = (await db.ProgramRuleVersions.AsNoTracking().Where(v => ids.Contains(v.ProgramId)).ToListAsync(ct)).ToDictionary(v => (v.ProgramId, v.Number));
        return programs.Select(p =>
        {
            var rules = ProgramQueries.Read(versions[(p.Id, p.RulesVersion)]);
            return new OpenProgram(p.Id, p.Name, ProgramNames.Type(p.Type).ToString(), p.OrgName, p.EndsOn, rules.NeedsSchoolLevel, rules.NeedsCost,
                rules.CostName, RulesSummary.Describe(rules).ToString(), rules.RequireEnrollment);
        }).ToList();
    }

    private async Task<ApplicationView> ViewAsync(AssistanceApplication a, bool withDetails, CancellationToken ct)
    {
        var history = await db.ApplicationSteps.AsNoTracking().Where(s => s.ApplicationId == a.Id).OrderBy(s => s.Id).ToListAsync(ct);
        var facts = JsonSerializer.Deserialize<ApplicationFacts>(protector.Decrypt(a.FactsCipher), ProgramQueries.Json)!;
        var household = facts.Household.Select(p => p with { IdNumber = Mask.IdNumber(p.IdNumber ?? "") }).ToList();
        // One payment per approved application; a retry sends the same row again as its next attempt.
        var payment = await db.Payments.IgnoreQueryFilters().AsNoTracking().Where(p => p.ApplicationId == a.Id)
            .Select(p => new { p.Status, p.FailureReason }).FirstOrDefaultAsync(ct);
        var row = (await RowsAsync([a], ct))[0];
        return new ApplicationView(row, a.RuleVersionNumber, a.FirstApprover, a.LastReason, withDetails ? facts.ClaimedCost : null,
            withDetails ? facts.Description : null, household, withDetails,
            history.Select(s => new ApplicationStepView(ApplicationStep.KindLabel(s.Kind).ToString(),
                s.Actor == ApplicationSteps.ByMember ? Loc.T("会员本人", "The member") : s.Actor, s.ActorOrg, s.At, s.Outcome, s.Reason)).ToList(),
            withDetails ? facts.Bill : null, payment is null ? null : PayoutView.Of(payment.Status, payment.FailureReason));
    }

    private async Task<IReadOnlyList<ApplicationRow>> RowsAsync(IReadOnlyList<AssistanceApplication> applications, CancellationToken ct)
    {
        var names = await orgs.PublicNamesAsync(applications.Select(a => a.OrgId).Distinct(), ct);
        var programIds = applications.Select(a => a.ProgramId).Distinct().ToList();
        var programs = await db.AssistancePrograms.AsNoTracking().Where(p => programIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return applications.Select(a => new ApplicationRow(a.Id, a.ProgramId, programs[a.ProgramId].Name, ProgramNames.Type(programs[a.ProgramId].Type).ToString(),
            a.MemberId, a.MemberName, a.IdMasked, names.GetValueOrDefault(a.OrgId, ""), a.Status, AssistanceApplication.StatusLabel(a.Status).ToString(),
            a.SchoolLevel is { } level ? ProgramNames.School(level).ToString() : null, a.Amount, a.Explanation.ToString(),
            new ApprovalPlan(a.ApprovalLevel, a.ApproversNeeded).Describe().ToString(), a.FiledAt, a.Version)).ToList();
    }
}