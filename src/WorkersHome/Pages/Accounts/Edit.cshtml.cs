using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Accounts.Administer;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.Accounts;

public sealed class EditModel(AccountQueries queries) : OrgPageModel
{
    public AccountView Account { get; private set; } = null!;

    public IReadOnlyList<string> Grantable { get; private set; } = [];

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? IdNumber { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Account = await queries.GetAsync(id, ct);
        Grantable = queries.GrantableRoles();
    }

    public Task<IActionResult> OnPostRolesAsync(Guid id, [FromServices] AssignCadreRoles assign, CancellationToken ct) =>
        Do(id, () => assign.ExecuteAsync(id, SelectedRoles, ct), Loc.T("角色已更新", "Roles updated"), ct);

    public Task<IActionResult> OnPostDisableAsync(Guid id, bool disabled, [FromServices] DisableCadreAccount disable, [FromServices] EnableCadreAccount enable,
        CancellationToken ct) =>
        Do(id, () => disabled ? disable.ExecuteAsync(id, ct) : enable.ExecuteAsync(id, ct), disabled ? Loc.T("账号已停用", "Account disabled") : Loc.T("账号已启用", "Account enabled"), ct);

    public Task<IActionResult> OnPostIdentityAsync(Guid id, [FromServices] RegisterCadreIdNumber register, CancellationToken ct) =>
        Do(id, () => register.ExecuteAsync(id, IdNumber, ct), Loc.T("本人身份证号已登记（仅保存不可逆的索引）", "ID number registered (only a one-way index is kept)"), ct);

    public Task<IActionResult> OnPostPasswordAsync(Guid id, [FromServices] ResetCadrePassword reset, CancellationToken ct) =>
        Do(id, () => reset.ExecuteAsync(id, NewPassword, ct), Loc.T("密码已重置，账号已解锁", "Password reset and account unlocked"), ct);

    private Task<IActionResult> Do(Guid id, Func<Task<AccountView>> action, string notice, CancellationToken ct) => RunAsync(async () =>
    {
        await action();
        TempData["Notice"] = notice;
        return RedirectToPage(new { id });
    }, () => OnGetAsync(id, ct));
}