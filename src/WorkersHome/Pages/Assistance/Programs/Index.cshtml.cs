using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.Assistance.Programs;

/// <summary>Assistance programs the cadre's union runs or is covered by, and a new program for the cadre's own union.</summary>
[Authorize(Policy = AssistancePermissions.View)]
public sealed class IndexModel(ProgramQueries queries, CreateProgram create, CurrentCadre cadre, TimeProvider clock) : OrgPageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public ProgramType Type { get; set; } = ProgramType.LivingRelief;

    [BindProperty]
    public int Year { get; set; }

    public IReadOnlyList<ProgramRow> Programs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = clock.GetUtcNow().Year;
        Programs = await queries.ListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!cadre.Has(AssistancePermissions.Programs))
        {
            return Forbid();
        }

        KeepBindingFailures();
        return await RunAsync(async () =>
        {
            var program = await create.ExecuteAsync(new NewProgram(Name, Type, cadre.OrgId, Year, null, null, null), ct);
            TempData["Notice"] = T("项目已创建，请核对规则并分配预算", "Program created: check its rules and allocate its budget");
            return RedirectToPage("Detail", new { id = program.Id });
        }, async () => Programs = await queries.ListAsync(ct));
    }

    private static string T(string zh, string en) => Platform.Localization.Loc.T(zh, en);
}