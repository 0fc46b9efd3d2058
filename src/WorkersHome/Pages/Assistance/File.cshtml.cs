using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Files;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.Assistance;

/// <summary>One hardship file: the household (for those allowed), the 三清 check, the decisions its status allows, documents and history.</summary>
[Authorize(Policy = AssistancePermissions.View)]
[UploadLimit(HardshipAttachments.Upload, "Form.File")]
public sealed class FileModel(HardshipQueries queries, HardshipDecisionRules rules, HardshipAttachments attachments, CurrentCadre cadre) : OrgPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool Family { get; set; }

    [BindProperty]
    public bool Cause { get; set; }

    [BindProperty]
    public bool Needs { get; set; }

    [BindProperty]
    public HardshipForm Form { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public HardshipFileView Current { get; private set; } = null!;

    /// <summary>For a proposed file, why the signed-in cadre may not return or approve it (shown instead of the buttons).</summary>
    public (string? Decide, string? Approve) WhyNot { get; private set; }

    protected override string FieldPrefix => "Form.";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Form = Current.ToForm();
    }

    public Task<IActionResult> OnPostChecksAsync([FromServices] CheckHardshipFile check, CancellationToken ct) =>
        StepAsync(() => check.ExecuteAsync(Id, new ThreeChecks(Version, Family, Cause, Needs), ct), Loc.T("三清核实已保存", "Checks saved"), ct);

    public Task<IActionResult> OnPostProposeAsync([FromServices] ProposeHardshipFile propose, CancellationToken ct) =>
        StepAsync(() => propose.ExecuteAsync(Id, new FileDecision(Version, Reason), ct), Loc.T("已推荐，等待上级工会审批", "Proposed; the approving level decides next"), ct);

    public Task<IActionResult> OnPostApproveAsync([FromServices] ApproveHardshipFile approve, CancellationToken ct) =>
        StepAsync(() => approve.ExecuteAsync(Id, new FileDecision(Version, Reason), ct), Loc.T("已审批通过，纳入困难职工档案", "Approved into the archive"), ct);

    public Task<IActionResult> OnPostReturnAsync([FromServices] ReturnHardshipFile giveBack, CancellationToken ct) =>
        StepAsync(() => giveBack.ExecuteAsync(Id, new FileDecision(Version, Reason), ct), Loc.T("已退回，申请人将收到原因", "Returned; the member gets the reason"), ct);

    public Task<IActionResult> OnPostReverifyAsync(bool withForm, [FromServices] ReverifyHardshipFile reverify, CancellationToken ct) =>
        StepAsync(() => reverify.ExecuteAsync(Id, new ReviewDecision(Version, Reason, withForm ? Form : null), ct), Loc.T("年度复核已完成", "Review recorded"), ct);

    public Task<IActionResult> OnPostExitAsync([FromServices] ExitHardshipFile exit, CancellationToken ct) =>
        StepAsync(() => exit.ExecuteAsync(Id, new FileDecision(Version, Reason), ct), Loc.T("已脱困退档", "The household left the archive"), ct);

    public Task<IActionResult> OnPostRefileAsync([FromServices] RefileHardship refile, CancellationToken ct) =>
        StepAsync(() => refile.ExecuteAsync(Id, Version, Form, ct), Loc.T("已修改并重新提交", "Corrected and filed again"), ct);

    public Task<IActionResult> OnPostUploadAsync(CancellationToken ct) =>
        StepAsync(async () =>
        {
            await using var content = Upload?.OpenReadStream() ?? Stream.Null;
            await attachments.AddAsync(Id, content, Upload?.FileName, ct);
        }, Loc.T("证明材料已上传", "Document added"), ct);

    private Task<IActionResult> StepAsync(Func<Task> step, string done, CancellationToken ct)
    {
        var posted = Form;
        return StepAsync(cadre.Has(AssistancePermissions.Manage), step, done, new { Id }, async () =>
        {
            await LoadAsync(ct);
            Form = posted.Household.Count > 0 ? posted : Current.ToForm();
        });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Current = await queries.DetailAsync(Id, ct);
        WhyNot = Current.File.Status == HardshipStatus.Proposed ? await rules.WhyNotDecideAsync(Id, ct) : default;
    }

}