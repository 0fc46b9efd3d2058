using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Organizations.BrowseTree;

namespace WorkersHome.Pages.Organizations;

public sealed class IndexModel(OrgTreeQueries tree) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public OrgNodeView Root { get; private set; } = null!;

    public IReadOnlyList<OrgNodeView> Children { get; private set; } = [];

    public IReadOnlyList<OrgNodeView> Results { get; private set; } = [];

    public IReadOnlyList<BreadcrumbItem> Breadcrumb { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Root = await tree.GetRootAsync(ct);
        Children = await tree.GetChildrenAsync(Root.Id, ct: ct);
        Breadcrumb = await tree.BreadcrumbAsync(Root.Path, ct);
        Results = await tree.SearchAsync(Q, 50, ct);
    }
}