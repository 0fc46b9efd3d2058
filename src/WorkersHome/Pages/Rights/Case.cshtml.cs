using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Rights;
using WorkersHome.Modules.Rights.Cases;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.Rights;

/// <summary>One case: the account, deadlines and history, and the steps its status allows to those who may take them.</summary>
[Authorize(Policy = RightsPermissions.View)]
public sealed class CaseModel(CaseQueries queries, TransferTargets targets, LegalAid legalAid, CurrentCadre cadre) : OrgPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public HandlingAction? Action { get; set; }

    [BindProperty]
    public long? ToOrgId { get; set; }

    [BindProperty]
    public decimal? Amount { get; set; }

    [BindProperty]
    public int? Workers { get; set; }

    [BindProperty]
    public DateOnly? RecoveredOn { get; set; }

    [BindProperty]
    public Satisfaction? Satisfaction { get; set; }

    [BindProperty]
    public bool? Passed { get; set; }

    public CaseDetail Current { get; private set; } = null!;

    public IReadOnlyList<TransferTarget> Targets { get; private set; } = [];

    public IReadOnlyList<LawyerView> Lawyers { get; private set; } = [];

    [BindProperty]
    public long? LawyerId { get; set; }

    public Task OnGetAsync(CancellationToken ct) => Reload(ct)();

    public Task<IActionResult> OnPostAcceptAsync([FromServices] AcceptCase accept, CancellationToken ct) =>
        Step(RightsPermissions.Handle, () => accept.ExecuteAsync(Id, new CaseDecision(Version, Note), ct), Loc.T("已受理", "Accepted"), ct);

    /// <summary>A transfer may take the case out of the cadre's subtree: then they go back to their queue, not to a case they no longer see.</summary>
    public async Task<IActionResult> OnPostTransferAsync([FromServices] TransferCase transfer, CancellationToken ct)
    {
        if (!cadre.Has(RightsPermissions.Transfer))
        {
            return Forbid();
        }

        KeepBindingFailures();
        return await RunAsync(async () =>
        {
            var moved = await transfer.ExecuteAsync(Id, new TransferInput(Version, ToOrgId, Note), ct);
            TempData["Notice"] = Loc.T("已转办", "Transferred");
            return cadre.Covers(moved.OrgPath) ? RedirectToPage(new { Id }) : RedirectToPage("/Rights/Index");
        }, Reload(ct));
    }

    public Task<IActionResult> OnPostActionAsync([FromServices] RecordCaseAction record, CancellationToken ct) =>
        Step(RightsPermissions.Handle, () => record.ExecuteAsync(Id, new CaseActionInput(Version, Action, Note), ct), Loc.T("办理记录已保存", "Action recorded"), ct);

    public Task<IActionResult> OnPostLegalAidAsync(CancellationToken ct) =>
        Step(RightsPermissions.Handle, () => legalAid.AssignAsync(Id, new LegalAidInput(Version, LawyerId, Note), ct), Loc.T("已指派法律援助律师", "Lawyer assigned"), ct);

    public Task<IActionResult> OnPostWagesAsync([FromServices] RecordWageRecovery record, CancellationToken ct) =>
        Step(RightsPermissions.Handle, () => record.ExecuteAsync(Id, new WageRecoveryInput(Version, Amount, Workers, RecoveredOn, Note), ct),
            Loc.T("追回工资已登记", "Recovered wages recorded"), ct);

    public Task<IActionResult> OnPostPauseAsync([FromServices] CaseClock clock, CancellationToken ct) =>
        Step(RightsPermissions.Handle, () => clock.PauseAsync(Id, new CaseDecision(Version, Note), ct), Loc.T("已暂停计时", "Clock paused"), ct);

    public Task<IActionResult> OnPostResumeAsync([FromServices] CaseClock clock, CancellationToken ct) =>
        Step(RightsPermissions.Handle, () => clock.ResumeAsync(Id, new CaseDecision(Version, Note), ct), Loc.T("已恢复计时", "Clock resumed"), ct);

    public Task<IActionResult> OnPostResolveAsync([FromServices] ResolveCase resolve, CancellationToken ct) =>
        Step(RightsPermissions.Handle, () => resolve.ExecuteAsync(Id, new CaseDecision(Version, Note), ct), Loc.T("已办结", "Resolved"), ct);

    public Task<IActionResult> OnPostAnswerAsync([FromServices] ResolveCase resolve, CancellationToken ct) =>
        Step(RightsPermissions.Intake, () => resolve.AnswerAsync(Id, new CaseDecision(Version, Note), ct), Loc.T("已解答并结案", "Answered and closed"), ct);

    public Task<IActionResult> OnPostCallbackAsync([FromServices] CallBackCase callback, CancellationToken ct) =>
        Step(RightsPermissions.Handle, () => callback.ExecuteAsync(Id, new CallbackInput(Version, Satisfaction, Note), ct), Loc.T("回访已记录", "Callback recorded"), ct);

    public Task<IActionResult> OnPostQualityAsync([FromServices] QualityCheckCase check, CancellationToken ct) =>
        Step(RightsPermissions.Supervise, () => check.ExecuteAsync(Id, new QualityCheckInput(Version, Passed, Note), ct), Loc.T("质检已记录", "Quality check recorded"), ct);

    private Task<IActionResult> Step(string permission, Func<Task> step, string done, CancellationToken ct) =>
        StepAsync(cadre.Has(permission), step, done, new { Id }, Reload(ct));

    private Func<Task> Reload(CancellationToken ct) => async () =>
    {
        Current = await queries.DetailAsync(Id, ct);
        Lawyers = cadre.Has(RightsPermissions.Handle) && Current.Allows(CaseStepKind.ActionRecorded) ? await legalAid.RosterAsync(ct) : [];
        Targets = cadre.Has(RightsPermissions.Transfer) && Current.Allows(CaseStepKind.Transferred) ? await targets.ForAsync(Current.Row.OrgId, ct) : [];
    };
}