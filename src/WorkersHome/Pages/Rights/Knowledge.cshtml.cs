using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Rights;
using WorkersHome.Modules.Rights.Cases;
using WorkersHome.Modules.Rights.Knowledge;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.Rights;

/// <summary>
/// The 12351 knowledge base at the desk: agents search it by the caller's words while on the line; editors write,
/// correct and publish its articles.
/// </summary>
public sealed class KnowledgeModel(KnowledgeSearch search, EditKnowledge edit, CurrentCadre cadre) : OrgPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseTopic? Topic { get; set; }

    /// <summary>The article open in the editor; <see cref="Guid.Empty"/> for a new one, null when the editor is closed.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Edit { get; set; }

    [BindProperty]
    public KnowledgeInput Input { get; set; } = new();

    public IReadOnlyList<KnowledgeHit> Hits { get; private set; } = [];

    public bool MayEdit => cadre.Has(RightsPermissions.Knowledge);

    protected override string FieldPrefix => "Input.";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Edit is { } id && id != Guid.Empty)
        {
            if (!MayEdit)
            {
                return Forbid();
            }

            Input = KnowledgeInput.From(await search.DetailAsync(id, ct));
        }

        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var id = Edit is { } e && e != Guid.Empty ? e : (Guid?)null;
        var title = Input.Title?.Trim();
        return StepAsync(MayEdit, () => id is { } existing ? edit.UpdateAsync(existing, Input, ct) : edit.CreateAsync(Input, ct),
            Loc.T($"已保存“{title}”", $"Saved “{title}”"), new { q = title }, () => LoadAsync(ct));
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, int version, bool published, CancellationToken ct)
    {
        Edit = null;
        return StepAsync(MayEdit, () => edit.PublishAsync(id, new KnowledgePublication(version, published), ct),
            published ? Loc.T("已发布到职工问答", "Published to the workers' Q&A") : Loc.T("已撤回，不再公开显示", "Withdrawn from the public site"),
            new { q = Q, topic = Topic }, () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Hits = await search.SearchAsync(new KnowledgeQuery(Q, Topic, string.IsNullOrWhiteSpace(Q) ? KnowledgeQuery.MaxLimit : 20), ct);
}