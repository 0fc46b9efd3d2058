using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.CodeTables;
using WorkersHome.Modules.Members.Join;
using WorkersHome.Modules.Members.SignIn;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.m;

/// <summary>网上入会 on the phone: find the union, fill in the registry's fields, follow the application.</summary>
[Authorize(Policy = MemberAuthentication.PhoneVerifiedPolicy)]
public sealed class JoinModel(JoinQueries queries, IOrgDirectory orgs, CodeTableCache codes) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Open { get; set; }

    [BindProperty]
    public JoinForm Form { get; set; } = new();

    [BindProperty]
    public Guid WithdrawId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public IReadOnlyList<JoinableUnion> Unions { get; private set; } = [];

    public IReadOnlyList<JoinApplicationView> Mine { get; private set; } = [];

    public IReadOnlyList<CodeEntry> Ethnicities { get; private set; } = [];

    public IReadOnlyList<CodeEntry> Educations { get; private set; } = [];

    public IReadOnlyList<CodeEntry> PoliticalStatuses { get; private set; } = [];

    public bool IsMember => MemberAuthentication.MemberIdOf(User) is not null;

    public string? Error { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostSubmitAsync([FromServices] SubmitJoinApplication submit, CancellationToken ct)
    {
        try
        {
            await submit.ExecuteAsync(JoinApi.PhoneOf(User), Form, ct);
            TempData["Notice"] = Loc.T("入会申请已提交，请等待工会审核，结果将以短信通知", "Your application is in; the union will decide and you will get an SMS");
            return RedirectToPage();
        }
        catch (ValidationFailedException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                ModelState.AddModelError("Form." + field, string.Join(" ", messages));
            }
        }
        catch (ConflictException ex)
        {
            Error = ex.Message;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync([FromServices] WithdrawJoinApplication withdraw, CancellationToken ct)
    {
        try
        {
            await withdraw.ExecuteAsync(JoinApi.PhoneOf(User).Hash, WithdrawId, Version, ct);
            TempData["Notice"] = Loc.T("申请已撤回", "The application is withdrawn");
        }
        catch (ConflictException ex)
        {
            TempData["Notice"] = ex.Message;
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Mine = await queries.MineAsync(JoinApi.PhoneOf(User).Hash, ct);
        Unions = await orgs.SearchJoinableAsync(Q, Open, ct);
        if (Form.OrgId != 0 && Unions.All(u => u.Id != Form.OrgId) && await orgs.FindJoinableAsync(Form.OrgId, ct) is { } chosen)
        {
            Unions = [chosen, .. Unions];
        }

        Ethnicities = await codes.EntriesAsync(CodeTableNames.Ethnicity, ct);
        Educations = await codes.EntriesAsync(CodeTableNames.Education, ct);
        PoliticalStatuses = await codes.EntriesAsync(CodeTableNames.PoliticalStatus, ct);
    }
}