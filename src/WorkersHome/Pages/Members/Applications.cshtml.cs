using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Join;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.Members;

/// <summary>The member officer's queue of applications to join, oldest first, with approve and reject.</summary>
[Authorize(Policy = MemberPermissions.Manage)]
public sealed class ApplicationsModel(JoinQueries queries) : OrgPageModel
{
    public IReadOnlyList<JoinApplicationView> Queue { get; private set; } = [];

    [BindProperty]
    public Guid Id { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Queue = await queries.QueueAsync(ct);

    public Task<IActionResult> OnPostApproveAsync([FromServices] ApproveJoinApplication approve, CancellationToken ct) => RunAsync(async () =>
    {
        await approve.ExecuteAsync(Id, Version, ct);
        TempData["Notice"] = Loc.T("已通过，会员档案和会员卡已生成，申请人将收到短信", "Approved: the member record and card are made; the applicant gets an SMS");
        return RedirectToPage();
    }, async () => Queue = await queries.QueueAsync(ct));

    public Task<IActionResult> OnPostRejectAsync([FromServices] RejectJoinApplication reject, CancellationToken ct) => RunAsync(async () =>
    {
        await reject.ExecuteAsync(Id, Version, Reason, ct);
        TempData["Notice"] = Loc.T("已退回，申请人将收到原因", "Rejected; the applicant gets the reason");
        return RedirectToPage();
    }, async () => Queue = await queries.QueueAsync(ct));
}