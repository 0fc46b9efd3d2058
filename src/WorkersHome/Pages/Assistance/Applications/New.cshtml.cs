using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Applications;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Pages.Organizations;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.Assistance.Applications;

/// <summary>A cadre applies for a member of their subtree: chooses one of the programs covering the member, fills the form.</summary>
[Authorize(Policy = AssistancePermissions.Manage)]
public sealed class NewModel(ApplicationDesk desk, ApplicationQueries queries, IMemberDirectory members) : OrgPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid MemberId { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? ProgramId { get; set; }

    [BindProperty]
    public ApplicationInput Input { get; set; } = new();

    public MemberSummary Member { get; private set; } = null!;

    public IReadOnlyList<OpenProgram> Programs { get; private set; } = [];

    public OpenProgram? Chosen => Programs.FirstOrDefault(p => p.Id == ProgramId);

    protected override string FieldPrefix => "Input.";

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var posted = Input;
        ModelState.Clear();
        return await RunAsync(async () =>
        {
            var application = await desk.FileForMemberAsync(MemberId, posted.ToForm(ProgramId ?? 0), ct);
            TempData["Notice"] = Loc.T($"申请已提交：{application.Explanation.Zh}", $"Filed: {application.Explanation.En}");
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
    }
}