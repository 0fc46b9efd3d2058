using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Rights;
using WorkersHome.Modules.Rights.TimeLimits;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.Rights;

/// <summary>The time limits of each kind and complexity of rights case, in business days; the system administrator changes them.</summary>
public sealed class TimeLimitsModel(TimeLimitQueries queries, SetTimeLimit set, CurrentCadre cadre) : OrgPageModel
{
    [BindProperty]
    public TimeLimitInput Input { get; set; } = new(null, null, null);

    public IReadOnlyList<TimeLimitView> Rules { get; private set; } = [];

    /// <summary>The row whose entry was refused, shown again with the values typed.</summary>
    public (CaseKind Kind, CaseComplexity Complexity)? Editing { get; private set; }

    public bool MayEdit => cadre.Has(RightsPermissions.ManageTimeLimits);

    protected override string FieldPrefix => "Input.";

    public async Task OnGetAsync(CancellationToken ct) => Rules = await queries.ListAsync(ct);

    public Task<IActionResult> OnPostAsync(CaseKind kind, CaseComplexity complexity, CancellationToken ct)
    {
        Editing = (kind, complexity);
        return StepAsync(MayEdit, () => set.ExecuteAsync(kind, complexity, Input, ct),
            Loc.T($"已保存{CaseNames.Of(kind).Zh}·{CaseNames.Of(complexity).Zh}的办理时限", $"Saved the time limits of {CaseNames.Of(kind).En} · {CaseNames.Of(complexity).En}"),
            null, async () => Rules = await queries.ListAsync(ct));
    }
}