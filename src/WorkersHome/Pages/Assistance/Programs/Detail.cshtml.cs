using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.Assistance.Programs;

/// <summary>One program: its rules (editable by the owning union, every version kept), its budgets down the tree, and the reconciliation.</summary>
[Authorize(Policy = AssistancePermissions.View)]
public sealed class DetailModel(ProgramQueries queries, ChangeProgramRules changeRules, ChangeProgramStatus changeStatus, AllocateBudget budgets, IOrgDirectory orgs, CurrentCadre cadre) : OrgPageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public RulesInput Rules { get; set; } = new();

    [BindProperty]
    public long AllocateOrgId { get; set; }

    [BindProperty]
    [FieldName("分配金额", "Amount to allocate")]
    public decimal AllocateAmount { get; set; }

    [BindProperty]
    public Guid RequestKey { get; set; }

    public ProgramView Current { get; private set; } = null!;

    public IReadOnlyList<ReconciliationRow> Reconciliation { get; private set; } = [];

    /// <summary>Unions the cadre may give a share to: their own and the unions right below it, inside the program's subtree.</summary>
    public IReadOnlyList<ScopedOrg> AllocationTargets { get; private set; } = [];

    public bool MayEdit => Current.Program.Owned && cadre.Has(AssistancePermissions.Programs);

    protected override string FieldPrefix => "Rules.";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Rules = RulesInput.From(Current.Rules);
    }

    public Task<IActionResult> OnPostRulesAsync(CancellationToken ct) =>
        StepAsync(() => changeRules.ExecuteAsync(Id, new RulesChange(Version, Rules.ToRules(), Rules.Note), ct), Loc.T("规则已保存为新版本，此后提交的申请按新规则计算", "Saved as a new version; applications filed from now on use it"), ct);

    public Task<IActionResult> OnPostStatusAsync(ProgramStatus status, CancellationToken ct) =>
        StepAsync(() => changeStatus.ExecuteAsync(Id, new ProgramStatusChange(Version, status), ct), Loc.T("项目状态已更新", "Program status changed"), ct);

    public Task<IActionResult> OnPostAllocateAsync(CancellationToken ct) =>
        StepAsync(() => budgets.ExecuteAsync(Id, new BudgetAllocation(AllocateOrgId, AllocateAmount, RequestKey), ct), Loc.T("预算已分配", "Budget allocated"), ct);

    private Task<IActionResult> StepAsync(Func<Task> step, string done, CancellationToken ct)
    {
        var posted = Rules;
        return StepAsync(cadre.Has(AssistancePermissions.Programs), step, done, new { Id }, async () =>
        {
            await LoadAsync(ct);
            Rules = posted;
        });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Current = await queries.DetailAsync(Id, ct);
        Reconciliation = await queries.ReconcileAsync(Id, Current.Budgets, ct);
        RequestKey = Guid.NewGuid();
        var own = cadre.OrgPath;
        var depth = own.Count(c => c == '/');
        var near = await orgs.ScopedOrgs().Where(o => o.Path.StartsWith(own)).OrderBy(o => o.Path.Length).ThenBy(o => o.Path).Take(400).ToListAsync(ct);
        var ownerPath = Current.Budgets.FirstOrDefault(b => b.ParentId is null)?.OrgPath ?? "";
        AllocationTargets = near.Where(o => o.Path.Count(c => c == '/') <= depth + 1 && o.Path.StartsWith(ownerPath, StringComparison.Ordinal)
            && budgets.MayAllocate(Current, o.Id, o.Path)).Take(200).ToList();
    }
}