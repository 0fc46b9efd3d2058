using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Visits;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Files;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.Assistance.Visits;

/// <summary>五必访: plan a campaign's visits, see what is overdue, and record each visit with what was given and photos.</summary>
[Authorize(Policy = AssistancePermissions.View)]
[UploadLimit(AddVisitPhoto.PhotoUpload, "Record.File")]
public sealed class IndexModel(VisitQueries queries, CurrentCadre cadre, TimeProvider clock) : OrgPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Campaign { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty]
    public string? NewCampaign { get; set; }

    [BindProperty]
    public DateOnly? DueOn { get; set; }

    [BindProperty]
    public List<VisitGroup> Groups { get; set; } = [VisitGroup.Hardship];

    [BindProperty]
    public Guid VisitId { get; set; }

    [BindProperty]
    public VisitRecord Record { get; set; } = new(0, null, null, null, null, null);

    [BindProperty]
    public IFormFile? Photo { get; set; }

    public IReadOnlyList<VisitRow> Visits { get; private set; } = [];

    public IReadOnlyList<string> Campaigns { get; private set; } = [];

    public DateOnly Today { get; private set; }

    protected override string FieldPrefix => "Record.";

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostPlanAsync([FromServices] PlanVisits planning, CancellationToken ct)
    {
        // The page comes back showing the campaign just planned.
        Campaign = NewCampaign?.Trim();
        return StepAsync(async () =>
        {
            var planned = await planning.ExecuteAsync(new VisitCampaign(NewCampaign, DueOn, Groups), ct);
            TempData["Notice"] = Loc.T($"已生成 {planned} 户走访计划", $"{planned} visits planned");
        }, ct);
    }

    public Task<IActionResult> OnPostRecordAsync([FromServices] RecordVisit recording, [FromServices] AddVisitPhoto adding, CancellationToken ct) =>
        StepAsync(async () =>
        {
            await recording.ExecuteAsync(VisitId, Record, ct);
            if (Photo is not null)
            {
                await using var content = Photo.OpenReadStream();
                await adding.ExecuteAsync(VisitId, content, Photo.FileName, ct);
            }

            TempData["Notice"] = Loc.T("走访记录已保存", "Visit recorded");
        }, ct);

    private Task<IActionResult> StepAsync(Func<Task> step, CancellationToken ct) =>
        StepAsync(cadre.Has(AssistancePermissions.Manage), step, null, new { Campaign, Overdue }, () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = ChinaTime.DayOf(clock.GetUtcNow());
        Campaigns = await queries.CampaignsAsync(ct);
        Visits = await queries.ListAsync(Campaign, Overdue, ct);
    }
}