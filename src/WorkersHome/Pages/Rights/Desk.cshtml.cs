using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Modules.Rights;
using WorkersHome.Modules.Rights.Cases;
using WorkersHome.Modules.Rights.Knowledge;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.Rights;

/// <summary>
/// The hotline agent's desk (接听台): the number on the line finds the member and their earlier cases, the employer is
/// found in the registry, and the case is filed — or a consultation answered and closed — in one form, by keyboard.
/// </summary>
[Authorize(Policy = RightsPermissions.Intake)]
public sealed class DeskModel(CaseIntake intake, CaseCallers callers, IOrgDirectory orgs, KnowledgeSearch knowledge) : OrgPageModel
{
    [BindProperty]
    public CaseInput Input { get; set; } = new();

    [BindProperty]
    public string? EmployerQuery { get; set; }

    public CallerMatch? Match { get; private set; }

    public IReadOnlyList<JoinableUnion> Employers { get; private set; } = [];

    /// <summary>The knowledge base's answers to the caller's question, when the agent looked it up.</summary>
    public IReadOnlyList<KnowledgeHit> Answers { get; private set; } = [];

    [BindProperty]
    public string? KnowledgeQuery { get; set; }

    [BindProperty]
    public Guid? UseArticle { get; set; }

    protected override string FieldPrefix => "Input.";

    public void OnGet() => Input = new CaseInput { SubmissionKey = Guid.NewGuid().ToString("N"), Kind = CaseKind.Consultation };

    public async Task<IActionResult> OnPostLookupAsync(CancellationToken ct)
    {
        KeepBindingFailures();
        return await RunAsync(async () =>
        {
            Match = await callers.FindAsync(Input.Phone, ct);
            if (Match.Members.Count == 1)
            {
                Input.MemberId ??= Match.Members[0].Id;
            }

            await EmployersOfAsync(ct);
            return Page();
        }, () => EmployersOfAsync(ct));
    }

    public async Task<IActionResult> OnPostEmployersAsync(CancellationToken ct)
    {
        KeepBindingFailures();
        await EmployersOfAsync(ct);
        if (Employers.Count == 0)
        {
            ModelState.AddModelError("EmployerQuery", Loc.T("没有找到该单位的工会，可直接填写单位名称", "No union found for it; type the employer's name instead"));
        }

        return Page();
    }

    /// <summary>Searches the knowledge base with the agent's words (or the subject): the answers appear beside the form.</summary>
    public async Task<IActionResult> OnPostKnowledgeAsync(CancellationToken ct)
    {
        KeepBindingFailures();
        await EmployersOfAsync(ct);
        KnowledgeQuery = string.IsNullOrWhiteSpace(KnowledgeQuery) ? Input.Subject : KnowledgeQuery;
        Answers = await knowledge.SearchAsync(new(KnowledgeQuery, Input.Topic, 5), ct);
        return Page();
    }

    /// <summary>Takes an article's answer into the form: filed with it, the consultation closes and the member is sent the answer.</summary>
    public async Task<IActionResult> OnPostUseAnswerAsync(CancellationToken ct)
    {
        KeepBindingFailures();
        await EmployersOfAsync(ct);
        if (UseArticle is { } id)
        {
            var article = await knowledge.DetailAsync(id, ct);
            Input.Answer = string.IsNullOrWhiteSpace(article.LawReference) ? article.Answer : $"{article.Answer}\n（依据：{article.LawReference}）";
            Input.Kind = CaseKind.Consultation;
            Input.Topic ??= article.Topic;
            Input.Subject ??= article.Title;
        }

        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostFileAsync(CancellationToken ct)
    {
        KeepBindingFailures();
        return await RunAsync(async () =>
        {
            var filed = await intake.FileForCallerAsync(Input, CaseChannel.Hotline, ct);
            TempData["Notice"] = filed.Case.Status == CaseStatus.Closed
                ? Loc.T($"已当场解答并结案，编号 {filed.Case.TrackingNumber}", $"Answered and closed; number {filed.Case.TrackingNumber}")
                : Loc.T($"已登记，编号 {filed.Case.TrackingNumber}，已分派至主办单位", $"Filed as {filed.Case.TrackingNumber} and routed");
            return RedirectToPage("/Rights/Case", new { id = filed.Case.Id });
        }, () => EmployersOfAsync(ct));
    }

    /// <summary>The unions the agent searched for, or the member's own (often the employer's) union.</summary>
    private async Task EmployersOfAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(EmployerQuery))
        {
            Employers = (await orgs.SearchJoinableAsync(EmployerQuery, openUnionsOnly: false, ct)).Take(10).ToList();
        }
        else if (Match?.Members.FirstOrDefault(m => m.Id == Input.MemberId) is { } member && await orgs.FindJoinableAsync(member.OrgId, ct) is { } own)
        {
            Employers = [own];
            Input.EmployerOrgId ??= own.Id;
        }
        else if (Input.EmployerOrgId is { } picked && await orgs.FindJoinableAsync(picked, ct) is { } chosen)
        {
            Employers = [chosen];
        }
    }
}