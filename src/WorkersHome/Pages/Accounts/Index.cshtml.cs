using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Accounts;

namespace WorkersHome.Pages.Accounts;

public sealed class IndexModel(AccountAdministration admin) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<AccountView> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await admin.ListAsync(Q, 0, 200, ct);
}