using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Organizations.BrowseTree;
using WorkersHome.Modules.Organizations.ManageUnions;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.Organizations;

public sealed class EditModel(OrgTreeQueries tree, EditUnion edit) : OrgPageModel
{
    [BindProperty]
    public UnionInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public OrgUnit Unit { get; private set; } = null!;

    protected override string FieldPrefix => "Input.";

    public async Task OnGetAsync(long id, CancellationToken ct)
    {
        Unit = await tree.GetUnitAsync(id, ct);
        Input = UnionInput.From(Unit);
        Version = Unit.Version;
    }

    public Task<IActionResult> OnPostAsync(long id, CancellationToken ct) => RunAsync(async () =>
    {
        var unit = await edit.ExecuteAsync(id, Version, Input, ct);
        TempData["Notice"] = Loc.T("已保存", "Saved");
        return RedirectToPage("/Organizations/Node", new { id = unit.Id });
    }, async () => Unit = await tree.GetUnitAsync(id, ct));
}