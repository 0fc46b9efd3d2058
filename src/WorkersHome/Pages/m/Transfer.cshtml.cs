using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Members.SignIn;
using WorkersHome.Modules.Members.Transfer;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.m;

/// <summary>会籍转接 on the phone: a member who changed employer asks to move to the new union and follows it.</summary>
[Authorize(Policy = MemberAuthentication.Policy)]
public sealed class TransferModel(TransferQueries queries, IOrgDirectory orgs) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public long ToOrgId { get; set; }

    [BindProperty]
    public Guid CancelId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public IReadOnlyList<TransferView> Mine { get; private set; } = [];

    public IReadOnlyList<JoinableUnion> Unions { get; private set; } = [];

    public string? Error { get; private set; }

    private Guid MemberId => MemberAuthentication.MemberIdOf(User)!.Value;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostRequestAsync([FromServices] RequestTransferByMember request, CancellationToken ct)
    {
        try
        {
            await request.ExecuteAsync(MemberId, ToOrgId, "member", ct);
            TempData["Notice"] = Loc.T("转接申请已提交，待转入工会接收", "Transfer requested; the receiving union will decide");
            return RedirectToPage();
        }
        catch (ValidationFailedException ex)
        {
            Error = string.Join(" ", ex.Errors.SelectMany(e => e.Value));
        }
        catch (ConflictException ex)
        {
            Error = ex.Message;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync([FromServices] CancelTransferByMember cancel, CancellationToken ct)
    {
        try
        {
            await cancel.ExecuteAsync(MemberId, CancelId, Version, ct);
            TempData["Notice"] = Loc.T("转接已撤销", "Transfer withdrawn");
        }
        catch (ConflictException ex)
        {
            TempData["Notice"] = ex.Message;
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Mine = await queries.ListForMemberAsync(MemberId, ct);
        Unions = await orgs.SearchJoinableAsync(Q, openUnionsOnly: false, ct);
    }
}