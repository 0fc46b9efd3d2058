using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Assistance.Applications;
using WorkersHome.Modules.Cards.Contracts;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Modules.Members.SignIn;
using WorkersHome.Pages.Assistance.Applications;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.m;

/// <summary>A member applies to the assistance programs open to their union on the phone and follows their applications.</summary>
[Authorize(Policy = MemberAuthentication.Policy)]
public sealed class AidModel(FileOwnApplication file, WithdrawOwnApplication withdraw, ApplicationQueries queries, ProgramEligibility eligibility, IMemberDirectory members, ILinkedBankAccounts bankAccounts)
    : OrgPageModel
{
    [BindProperty(SupportsGet = true)]
    public long? ProgramId { get; set; }

    [BindProperty]
    public ApplicationInput Input { get; set; } = new();

    public IReadOnlyList<OpenProgram> Programs { get; private set; } = [];

    public IReadOnlyList<ApplicationView> Mine { get; private set; } = [];

    /// <summary>The bank card linked to the member's service card, described by bank and last four digits.</summary>
    public string? LinkedCard { get; private set; }

    /// <summary>The program whose form is shown: only one the member may apply to.</summary>
    public OpenProgram? Chosen => Programs.FirstOrDefault(p => p.Id == ProgramId && p.Ineligible is null);

    protected override string FieldPrefix => "Input.";

    private Guid MemberId => MemberAuthentication.MemberIdOf(User)!.Value;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.PayToCard = LinkedCard is not null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var posted = Input;
        KeepBindingFailures();
        return await RunAsync(async () =>
        {
            var application = await file.ExecuteAsync(MemberId, posted.ToForm(ProgramId ?? 0), ct);
            TempData["Notice"] = Loc.T($"申请已提交：{application.Explanation.Zh}", $"Filed: {application.Explanation.En}");
            return RedirectToPage(new { ProgramId = (long?)null });
        }, async () =>
        {
            await LoadAsync(ct);
            Input = posted;
        });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, int version, CancellationToken ct)
    {
        KeepBindingFailures();
        return await RunAsync(async () =>
        {
            await withdraw.ExecuteAsync(MemberId, id, version, ct);
            TempData["Notice"] = Loc.T("申请已撤回", "Application withdrawn");
            return RedirectToPage(new { ProgramId = (long?)null });
        }, () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var member = await members.FindCheckedAsync(MemberId, ct);
        Programs = member is null ? [] : await eligibility.OpenToAsync(member, ct);
        Mine = await queries.MineAsync(MemberId, ct);
        LinkedCard = (await bankAccounts.FindAsync(MemberId, ct))?.Describe();
    }
}