using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Organizations.BrowseTree;

namespace WorkersHome.Pages;

public sealed class WorkbenchModel(OrgTreeQueries tree) : PageModel
{
    public OrgNodeView Root { get; private set; } = null!;

    public IReadOnlyList<OrgNodeView> Children { get; private set; } = [];

    public IReadOnlyList<BreadcrumbItem> Breadcrumb { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Root = await tree.GetRootAsync(ct);
        Children = await tree.GetChildrenAsync(Root.Id, ct: ct);
        Breadcrumb = await tree.BreadcrumbAsync(Root.Path, ct);
    }
}