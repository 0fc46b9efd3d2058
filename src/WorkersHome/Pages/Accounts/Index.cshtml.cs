using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Accounts.Administer;

namespace WorkersHome.Pages.Accounts;

public sealed class IndexModel(AccountQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<AccountView> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await queries.ListAsync(Q, 0, 200, ct);
}