using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Organizations.BrowseTree;
using WorkersHome.Modules.Organizations.ManageUnions;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.Organizations;

public sealed class MergeModel(OrgTreeQueries tree, MergeUnions merge) : TargetPageModel(tree)
{
    [BindProperty]
    public long TargetId { get; set; }

    protected override bool IsCandidate(OrgNodeView node) => node.Level == OrgLevel.Grassroots;

    public Task OnGetAsync(long id, CancellationToken ct) => LoadAsync(id, keepVersion: false, ct);

    public Task<IActionResult> OnPostAsync(long id, CancellationToken ct) => RunAsync(async () =>
    {
        await merge.ExecuteAsync(id, TargetId, Version, ct);
        TempData["Notice"] = Loc.T("已合并", "Merged");
        return RedirectToPage("/Organizations/Node", new { id = TargetId });
    }, () => LoadAsync(id, keepVersion: true, ct));
}