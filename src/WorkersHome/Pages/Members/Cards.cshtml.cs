using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Cards;
using WorkersHome.Modules.Cards.Browse;
using WorkersHome.Modules.Cards.Issue;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.Members;

/// <summary>The cards of a union's subtree with their figures, a status filter and paging, and the bulk issue for members without one.</summary>
[Authorize(Policy = CardPermissions.Manage)]
public sealed class CardsModel(CardListQueries list, CardFigures figures, IssueMissingCards issueMissing, IOrgDirectory orgs,
    Modules.Organizations.BrowseTree.OrgTreeQueries tree, CurrentCadre cadre)
    : Shared.OrgPageModel
{
    [BindProperty(SupportsGet = true)]
    public long? OrgId { get; set; }

    [BindProperty(SupportsGet = true)]
    public CardStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public OrgSummary Org { get; private set; } = null!;

    public CardCounts Counts { get; private set; } = null!;

    public CardListPage Result { get; private set; } = new([], 0);

    /// <summary>From the cadre's own node down to this one, and the units right below it: the way to a union's own cards.</summary>
    public IReadOnlyList<Modules.Organizations.BrowseTree.BreadcrumbItem> Breadcrumb { get; private set; } = [];

    public IReadOnlyList<Modules.Organizations.BrowseTree.OrgNodeView> Children { get; private set; } = [];

    public int PageCount => Math.Max(1, (Result.Total + CardListQueries.PageSize - 1) / CardListQueries.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Org = await orgs.FindInScopeAsync(OrgId ?? cadre.OrgId, ct) ?? throw new NotFoundException();
        Counts = await figures.ForOrgAsync(Org.Id, ct);
        PageNumber = Math.Max(1, PageNumber);
        Result = await list.ListAsync(Org.Id, Status, PageNumber, ct);
        Breadcrumb = await tree.BreadcrumbAsync(Org.Path, ct);
        Children = await tree.GetChildrenAsync(Org.Id, ct: ct);
    }

    /// <summary>Issues cards to the members of the subtree who have none, a bounded number per click; a second click goes on.</summary>
    public Task<IActionResult> OnPostBulkAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var orgId = OrgId ?? cadre.OrgId;
        var result = await issueMissing.ExecuteAsync(orgId, cadre.UserName, ct: ct);
        TempData["Notice"] = result.Finished
            ? Loc.T($"已发卡 {result.Issued:N0} 张，本单位会员均已有卡", $"{result.Issued:N0} cards issued; every member now has a card")
            : Loc.T($"已发卡 {result.Issued:N0} 张，尚有 {result.StillWithout:N0} 人未发卡，请再次点击继续", $"{result.Issued:N0} cards issued; {result.StillWithout:N0} members still have none — click again to go on");
        return RedirectToPage(new { orgId });
    }, () => OnGetAsync(ct));
}