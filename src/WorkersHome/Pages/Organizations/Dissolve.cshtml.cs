using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Organizations.BrowseTree;
using WorkersHome.Modules.Organizations.ManageUnions;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.Organizations;

public sealed class DissolveModel(OrgTreeQueries tree, DissolveUnion dissolve) : OrgPageModel
{
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public OrgUnit Unit { get; private set; } = null!;

    public async Task OnGetAsync(long id, CancellationToken ct)
    {
        Unit = await tree.GetUnitAsync(id, ct);
        Version = Unit.Version;
    }

    public Task<IActionResult> OnPostAsync(long id, CancellationToken ct) => RunAsync(async () =>
    {
        await dissolve.ExecuteAsync(id, Version, Reason, ct);
        TempData["Notice"] = Loc.T("已撤销", "Dissolved");
        return RedirectToPage("/Organizations/Node", new { id });
    }, async () => Unit = await tree.GetUnitAsync(id, ct));
}