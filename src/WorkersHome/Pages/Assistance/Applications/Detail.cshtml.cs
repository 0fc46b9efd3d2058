using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Applications;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.Assistance.Applications;

/// <summary>One application: how its amount was worked out, the household (for those allowed), the decision and the history.</summary>
[Authorize(Policy = AssistancePermissions.View)]
public sealed class DetailModel(ApplicationQueries queries, ApproveApplication approve, RejectApplication reject, ApplicationDecisionRules rules, CurrentCadre cadre) : OrgPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public ApplicationView Current { get; private set; } = null!;

    /// <summary>Why the signed-in cadre may not decide this application (shown instead of the buttons); null when they may or it waits for nobody.</summary>
    public string? WhyNotDecide { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) =>
        StepAsync(() => approve.ExecuteAsync(Id, new ApplicationDecision(Version, Reason), ct), Loc.T("已审批同意", "Approved"), ct);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken ct) =>
        StepAsync(() => reject.ExecuteAsync(Id, new ApplicationDecision(Version, Reason), ct), Loc.T("已作不予批准处理，申请人将收到原因", "Rejected; the member gets the reason"), ct);

    private Task<IActionResult> StepAsync(Func<Task> step, string done, CancellationToken ct) =>
        StepAsync(cadre.Has(AssistancePermissions.Manage), step, done, new { Id }, () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct)
    {
        Current = await queries.DetailAsync(Id, ct);
        WhyNotDecide = Current.Application.Status is ApplicationStatus.Submitted or ApplicationStatus.FirstApproved ? await rules.WhyNotDecideAsync(Id, ct) : null;
    }
}