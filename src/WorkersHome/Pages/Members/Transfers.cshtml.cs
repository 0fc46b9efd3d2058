using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Transfer;
using WorkersHome.Modules.Organizations.BrowseTree;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.Members;

/// <summary>Transfers into and out of the officer's unions: accept or refuse incoming, confirm outgoing, start one by ID number.</summary>
[Authorize(Policy = MemberPermissions.Manage)]
public sealed class TransfersModel(TransferQueries queries, OrgTreeQueries tree) : OrgPageModel
{
    public IReadOnlyList<TransferView> Transfers { get; private set; } = [];

    [BindProperty]
    public Guid Id { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? IdNumber { get; set; }

    [BindProperty]
    public string? UnionCode { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Transfers = await queries.ListForCadreAsync(ct);

    public Task<IActionResult> OnPostAcceptAsync([FromServices] DecideTransferAsReceiver decide, CancellationToken ct) => Decide(() => decide.ExecuteAsync(Id, Version, true, null, ct), Loc.T("已接收", "Accepted"), ct);

    public Task<IActionResult> OnPostRefuseAsync([FromServices] DecideTransferAsReceiver decide, CancellationToken ct) => Decide(() => decide.ExecuteAsync(Id, Version, false, Reason, ct), Loc.T("已退回", "Refused"), ct);

    public Task<IActionResult> OnPostConfirmAsync([FromServices] ConfirmTransferAsSender confirm, CancellationToken ct) => Decide(() => confirm.ExecuteAsync(Id, Version, ct), Loc.T("已确认转出，会籍已转移", "Confirmed: the membership has moved"), ct);

    public Task<IActionResult> OnPostStartAsync([FromServices] RequestTransferByReceivingUnion start, CancellationToken ct) => Decide(async () =>
    {
        var union = (await tree.SearchAsync(UnionCode, 5, ct)).FirstOrDefault(o => o.Code == UnionCode?.Trim());
        await start.ExecuteAsync(IdNumber, union?.Id ?? 0, ct);
    }, Loc.T("已发起转接，待转出工会确认", "Transfer started; the sending union confirms"), ct);

    private Task<IActionResult> Decide(Func<Task> action, string notice, CancellationToken ct) => RunAsync(async () =>
    {
        await action();
        TempData["Notice"] = notice;
        return RedirectToPage();
    }, async () => Transfers = await queries.ListForCadreAsync(ct));
}