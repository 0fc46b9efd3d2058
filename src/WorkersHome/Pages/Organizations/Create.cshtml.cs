using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Organizations.BrowseTree;
using WorkersHome.Modules.Organizations.ManageUnions;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.Organizations;

public sealed class CreateModel(OrgTreeQueries tree, CreateUnion create) : OrgPageModel
{
    [BindProperty(SupportsGet = true)]
    public long ParentId { get; set; }

    [BindProperty]
    public UnionInput Input { get; set; } = new();

    public OrgNodeView Parent { get; private set; } = null!;

    protected override string FieldPrefix => "Input.";

    public async Task OnGetAsync(CancellationToken ct) => Parent = await tree.GetNodeAsync(ParentId, ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var unit = await create.ExecuteAsync(ParentId, Input, ct);
        TempData["Notice"] = Loc.T($"已新建基层工会：{unit.Name}", $"Grassroots union created: {unit.Name}");
        return RedirectToPage("/Organizations/Node", new { id = unit.Id });
    }, () => OnGetAsync(ct));

    public string LevelName => OrgUnit.LevelLabel(Parent.Level).ToString();
}