using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Accounts.Administer;
using WorkersHome.Modules.Organizations.BrowseTree;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.Accounts;

public sealed class CreateModel(AccountQueries queries, CreateCadreAccount create, OrgTreeQueries tree, CurrentCadre cadre) : OrgPageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? OrgCode { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    public IReadOnlyList<string> Grantable { get; private set; } = [];

    public void OnGet()
    {
        Grantable = queries.GrantableRoles();
        OrgCode = cadre.OrgPath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var org = (await tree.SearchAsync(OrgCode, 5, ct)).FirstOrDefault(o => o.Code == OrgCode?.Trim());
        var account = await create.ExecuteAsync(new NewAccount(UserName, DisplayName, org?.Id ?? 0, Password, SelectedRoles), ct);
        TempData["Notice"] = Loc.T($"已创建账号 {account.UserName}", $"Account {account.UserName} created");
        return RedirectToPage("/Accounts/Index");
    }, () =>
    {
        Grantable = queries.GrantableRoles();
        return Task.CompletedTask;
    });
}