using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Organizations.BrowseTree;
using WorkersHome.Modules.Organizations.ManageUnions;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.Organizations;

public sealed class MoveModel(OrgTreeQueries tree, MoveUnit move) : TargetPageModel(tree)
{
    [BindProperty]
    public long NewParentId { get; set; }

    protected override bool IsCandidate(OrgNodeView node) => node.Level < Unit.Level && node.Level != OrgLevel.Grassroots;

    public Task OnGetAsync(long id, CancellationToken ct) => LoadAsync(id, keepVersion: false, ct);

    public Task<IActionResult> OnPostAsync(long id, CancellationToken ct) => RunAsync(async () =>
    {
        var unit = await move.ExecuteAsync(id, NewParentId, Version, ct);
        TempData["Notice"] = Loc.T("已调整隶属关系", "Moved");
        return RedirectToPage("/Organizations/Node", new { id = unit.Id });
    }, () => LoadAsync(id, keepVersion: true, ct));
}