using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.Assistance;

/// <summary>A cadre files for a member of the subtree (a household that cannot apply on a phone).</summary>
[Authorize(Policy = AssistancePermissions.Manage)]
public sealed class NewModel(FileHardshipForMember filing, IMemberDirectory members) : OrgPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid MemberId { get; set; }

    [BindProperty]
    public HardshipForm Form { get; set; } = new();

    public MemberSummary Member { get; private set; } = null!;

    protected override string FieldPrefix => "Form.";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        KeepBindingFailures();
        return await RunAsync(async () =>
        {
            var file = await filing.ExecuteAsync(MemberId, Form, ct);
            TempData["Notice"] = Loc.T("已建档，等待基层工会“三清”核实", "Filed; the union checks it next");
            return RedirectToPage("File", new { id = file.Id });
        }, () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct) => Member = await members.FindInScopeAsync(MemberId, ct) ?? throw new NotFoundException();
}