using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Organizations.BrowseTree;

namespace WorkersHome.Pages.Organizations;

/// <summary>The HTML fragment of a node's children, fetched when the tree expands.</summary>
public sealed class ChildrenModel(OrgTreeQueries tree) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        Partial("_TreeChildren", await tree.GetChildrenAsync(id, ct: ct));
}