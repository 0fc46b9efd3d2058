using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Rights;
using WorkersHome.Modules.Rights.Cases;

namespace WorkersHome.Pages.Rights;

/// <summary>The cases of the cadre's subtree: filters, deadlines highlighted, 50 a page.</summary>
[Authorize(Policy = RightsPermissions.View)]
public sealed class IndexModel(CaseQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CaseFilter Filter { get; set; } = new();

    public CasePage Cases { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Cases = await queries.QueueAsync(Filter, ct);

    /// <summary>The current filters as a query string, for the pager.</summary>
    public string QueryFor(int page)
    {
        var parts = new Dictionary<string, string?>
        {
            ["Filter.Status"] = Filter.Status?.ToString(),
            ["Filter.Kind"] = Filter.Kind?.ToString(),
            ["Filter.Topic"] = Filter.Topic?.ToString(),
            ["Filter.Channel"] = Filter.Channel?.ToString(),
            ["Filter.Overdue"] = Filter.Overdue == true ? "true" : null,
            ["Filter.Open"] = Filter.Open == true ? "true" : null,
            ["Filter.Handler"] = Filter.Handler,
            ["Filter.ForQualityCheck"] = Filter.ForQualityCheck == true ? "true" : null,
            ["Filter.EscalatedToMe"] = Filter.EscalatedToMe == true ? "true" : null,
            ["Filter.From"] = Filter.From?.ToString("yyyy-MM-dd"),
            ["Filter.To"] = Filter.To?.ToString("yyyy-MM-dd"),
            ["Filter.Page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("", parts.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}