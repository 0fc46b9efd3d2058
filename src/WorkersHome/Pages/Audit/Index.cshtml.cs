using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Accounts;

namespace WorkersHome.Pages.Audit;

public sealed class IndexModel(AuditQueries audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Succeeded { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Skip { get; set; }

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await audit.ListAsync(new AuditFilter(Action, Actor, From, To, Succeeded, Math.Max(0, Skip), 100), ct);
}