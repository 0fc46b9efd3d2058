using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Members.SignIn;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Modules.Rights.Cases;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.m;

/// <summary>职工维权 on the phone: a member files a case (the employer picked from the registry or typed) and follows theirs.</summary>
[Authorize(Policy = MemberAuthentication.Policy)]
public sealed class RightsModel(CaseIntake intake, CaseQueries queries, ConfirmOwnCase confirm, IOrgDirectory orgs) : OrgPageModel
{
    [BindProperty]
    public CaseInput Form { get; set; } = new();

    [BindProperty]
    public string? EmployerQuery { get; set; }

    [BindProperty]
    public Guid CaseId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public IReadOnlyList<MyCase> Mine { get; private set; } = [];

    public IReadOnlyList<JoinableUnion> Employers { get; private set; } = [];

    protected override string FieldPrefix => "Form.";

    private Guid MemberId => MemberAuthentication.MemberIdOf(User)!.Value;

    private string? PhoneHash => User.FindFirst(MemberAuthentication.PhoneHashClaim)?.Value;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Form = new CaseInput { SubmissionKey = Guid.NewGuid().ToString("N"), Kind = Modules.Rights.CaseKind.Complaint };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostEmployersAsync(CancellationToken ct)
    {
        KeepBindingFailures();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostFileAsync(CancellationToken ct)
    {
        KeepBindingFailures();
        return await RunAsync(async () =>
        {
            var phone = new CallerPhone(User.FindFirst(MemberAuthentication.PhoneCipherClaim)!.Value, PhoneHash!, User.FindFirst(MemberAuthentication.PhoneMaskedClaim)!.Value);
            var filed = await intake.FileForMemberAsync(MemberId, phone, Form, ct);
            TempData["Notice"] = Loc.T($"已提交，查询编号 {filed.Case.TrackingNumber}。工会将在规定时限内联系您。", $"Filed as {filed.Case.TrackingNumber}. The union will contact you within the time limits.");
            return RedirectToPage();
        }, () => LoadAsync(ct));
    }

    public Task<IActionResult> OnPostConfirmAsync(bool accepted, CancellationToken ct)
    {
        KeepBindingFailures();
        return RunAsync(async () =>
        {
            await confirm.ExecuteAsync(MemberId, PhoneHash, CaseId, Version, accepted, Reason, ct);
            TempData["Notice"] = accepted ? Loc.T("已确认办理结果，案件结案", "Confirmed; the case is closed") : Loc.T("已反馈，工会将重新办理", "Sent; the union will work on it again");
            return RedirectToPage();
        }, () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Mine = await queries.MineAsync(MemberId, PhoneHash, ct);
        if (!string.IsNullOrWhiteSpace(EmployerQuery))
        {
            Employers = (await orgs.SearchJoinableAsync(EmployerQuery, openUnionsOnly: false, ct)).Take(10).ToList();
        }
        else if (Form.EmployerOrgId is { } picked && await orgs.FindJoinableAsync(picked, ct) is { } chosen)
        {
            Employers = [chosen];
        }
    }
}