using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.MutualAid;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Members.Browse;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.Assistance.MutualAid;

/// <summary>Enrolment in a medical mutual aid program: who the union has enrolled, the premiums, and enrolling one more person.</summary>
[Authorize(Policy = AssistancePermissions.View)]
public sealed class IndexModel(EnrollmentQueries queries, ProgramQueries programs, MemberQueries members, CurrentCadre cadre) : OrgPageModel
{
    [BindProperty(SupportsGet = true)]
    public long ProgramId { get; set; }

    /// <summary>A member's name (or full ID/mobile number) to look up: by POST only, never in the address.</summary>
    [BindProperty]
    public string? Member { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? MemberId { get; set; }

    [BindProperty]
    public EnrolleeKind Kind { get; set; } = EnrolleeKind.Member;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? IdNumber { get; set; }

    [BindProperty]
    [FieldName("参保份数", "Shares")]
    public int Items { get; set; } = 1;

    [BindProperty]
    public PremiumPayer PaidBy { get; set; } = PremiumPayer.Union;

    public ProgramView Program { get; private set; } = null!;

    public IReadOnlyList<EnrollmentRow> Rows { get; private set; } = [];

    public EnrollmentSummary Summary { get; private set; } = new(0, 0, 0, 0);

    public IReadOnlyList<MemberRow> Found { get; private set; } = [];

    /// <summary>The member chosen from the results (by id in the address), named on the enrolment form.</summary>
    public MemberRow? Chosen { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>The finder posts the name or number and the results come in the answer, so nothing personal reaches an address.</summary>
    public async Task<IActionResult> OnPostFindAsync(CancellationToken ct)
    {
        if (!cadre.Has(AssistancePermissions.Manage))
        {
            return Forbid();
        }

        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] EnrollInMutualAid enrolling, CancellationToken ct)
    {
        if (!cadre.Has(AssistancePermissions.Manage))
        {
            return Forbid();
        }

        KeepBindingFailures();
        return await RunAsync(async () =>
        {
            var enrolled = await enrolling.ExecuteAsync(new NewEnrollment(ProgramId, MemberId, Name, IdNumber, Kind, Items, PaidBy), ct);
            TempData["Notice"] = Loc.T($"{enrolled.PersonName}已参保 {enrolled.Items} 份，保费 {ProgramNames.Yuan(enrolled.Premium)} 元（{Enrollment.PayerLabel(enrolled.PaidBy).Zh}）",
                $"{enrolled.PersonName} enrolled: {enrolled.Items} items, {ProgramNames.Yuan(enrolled.Premium)} yuan ({Enrollment.PayerLabel(enrolled.PaidBy).En})");
            return RedirectToPage(new { ProgramId });
        }, () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Program = await programs.DetailAsync(ProgramId, ct);
        (Rows, Summary) = await queries.ListAsync(ProgramId, ct);
        if (!string.IsNullOrWhiteSpace(Member))
        {
            Found = (await members.ListAsync(new MemberFilter { Search = Member.Trim(), Take = 20 }, ct)).Rows;
        }

        if (MemberId is { } chosen)
        {
            Chosen = await members.GetAsync(chosen, ct);
        }
    }
}