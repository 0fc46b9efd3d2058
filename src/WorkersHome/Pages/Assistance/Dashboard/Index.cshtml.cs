using System.Text.Json;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Dashboard;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.Assistance.Dashboard;

/// <summary>The 送温暖 campaign dashboard of a node and a year, with charts, the unions below it, and the union's own figures to enter.</summary>
[Authorize(Policy = AssistancePermissions.View)]
public sealed class IndexModel(CampaignDashboard board, CurrentCadre cadre) : OrgPageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [BindProperty(SupportsGet = true)]
    public long? OrgId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public FiguresEntry Entry { get; set; } = new(0, 0, 0);

    public DashboardView View { get; private set; } = null!;

    /// <summary>The figures for the charts, as the script reads them.</summary>
    public string ChartData => JsonSerializer.Serialize(new
    {
        View.ByCause,
        View.PaidByProgram,
        View.Children,
        Labels = new { Yuan = Loc.T("元", "yuan"), Households = Loc.T("在档困难户", "Households"), Visited = Loc.T("已走访", "Visited"), Helped = Loc.T("获帮扶", "Helped") },
    }, Json);

    public async Task OnGetAsync(CancellationToken ct) => View = await board.ForAsync(OrgId, Year, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!cadre.Has(AssistancePermissions.Manage))
        {
            return Forbid();
        }

        KeepBindingFailures();
        return await RunAsync(async () =>
        {
            await board.EnterAsync(Entry, ct);
            TempData["Notice"] = Loc.T("本单位培训与再就业人数已保存", "Your union's figures are saved");
            return RedirectToPage(new { Year = Entry.Year });
        }, async () => View = await board.ForAsync(OrgId, Year, ct));
    }
}