using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Applications;
using WorkersHome.Modules.Cards.Contracts;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.Assistance.Applications;

/// <summary>A cadre applies for a member of their subtree: chooses one of the programs covering the member, fills the form.</summary>
[Authorize(Policy = AssistancePermissions.Manage)]
public sealed class NewModel(FileApplicationForMember file, ApplicationQueries queries, IMemberDirectory members, ILinkedBankAccounts bankAccounts) : OrgPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid MemberId { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? ProgramId { get; set; }

    [BindProperty]
    public ApplicationInput Input { get; set; } = new();

    public MemberSummary Member { get; private set; } = null!;

    public IReadOnlyList<OpenProgram> Programs { get; private set; } = [];

    /// <summary>The bank card linked to the member's service card, described by bank and last four digits.</summary>
    public string? LinkedCard { get; private set; }

    public OpenProgram? Chosen => Programs.FirstOrDefault(p => p.Id == ProgramId);

    protected override string FieldPrefix => "Input.";

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
            var (application, notOnTheSpot) = await file.ExecuteAsync(MemberId, posted.ToForm(ProgramId ?? 0), ct);
            TempData["Notice"] = Loc.T($"申请已提交：{application.Explanation.Zh}", $"Filed: {application.Explanation.En}")
                + (notOnTheSpot is { } why ? Loc.T($"。{why.Zh}", $". {why.En}") : "");
            return RedirectToPage("Detail", new { id = application.Id });
        }, async () =>
        {
            await LoadAsync(ct);
            Input = posted;
        });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Member = await members.FindInScopeAsync(MemberId, ct) ?? throw new NotFoundException();
        Programs = await queries.OpenForAsync(Member.OrgPath, ct);
        LinkedCard = (await bankAccounts.FindAsync(MemberId, ct))?.Describe();
    }
}