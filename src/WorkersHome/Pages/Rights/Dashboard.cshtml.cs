using System.Text.Json;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Rights;
using WorkersHome.Modules.Rights.Dashboard;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.Rights;

/// <summary>The 维权 dashboard of a node and a range of months, with charts and the unions below it.</summary>
[Authorize(Policy = RightsPermissions.View)]
public sealed class DashboardModel(RightsDashboard board) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [BindProperty(SupportsGet = true)]
    public long? OrgId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public RightsDashboardView View { get; private set; } = null!;

    /// <summary>The figures for the charts, as the script reads them.</summary>
    public string ChartData => JsonSerializer.Serialize(new
    {
        View.ByKind,
        View.ByTopic,
        View.ByChannel,
        View.ByStatus,
        Children = View.Children.Where(c => c.Cases > 0),
        Labels = new { Cases = Loc.T("案件数", "Cases"), Open = Loc.T("未结案", "Open"), Recovered = Loc.T("追回欠薪（元）", "Wages recovered (yuan)") },
    }, Json);

    public async Task OnGetAsync(CancellationToken ct) => View = await board.ForAsync(OrgId, From, To, ct);

    public static string Rate(double? rate) => rate is { } r ? r.ToString("0.0") + "%" : "—";
}