using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Statistics;
using WorkersHome.Modules.Organizations.BrowseTree;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages;

public sealed class WorkbenchModel(OrgTreeQueries tree, MemberStatsQueries memberStats, ServiceFiguresQueries serviceFigures,
    Modules.Assistance.Archive.HardshipQueries hardship, Modules.Assistance.Applications.ApplicationQueries applications,
    Modules.Cards.Browse.CardFigures cardFigures, CurrentCadre cadre) : PageModel
{
    public OrgNodeView Root { get; private set; } = null!;

    public IReadOnlyList<OrgNodeView> Children { get; private set; } = [];

    public IReadOnlyList<BreadcrumbItem> Breadcrumb { get; private set; } = [];

    public MemberFigures? Figures { get; private set; }

    public ServiceFigures? Services { get; private set; }

    /// <summary>Hardship files waiting in the subtree, for cadres who work on them.</summary>
    public (int Submitted, int Proposed, int Due)? Hardship { get; private set; }

    /// <summary>Assistance applications in the subtree waiting for this cadre's level.</summary>
    public int? ApplicationsWaiting { get; private set; }

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        Root = await tree.GetRootAsync(ct);
        Children = await tree.GetChildrenAsync(Root.Id, ct: ct);
        Breadcrumb = await tree.BreadcrumbAsync(Root.Path, ct);
        Figures = cadre.Has(MemberPermissions.View) ? await memberStats.ForOrgAsync(Root.Id, ct) : null;
        Hardship = cadre.Has(Modules.Assistance.AssistancePermissions.View) ? await hardship.WaitingAsync(ct) : null;
        ApplicationsWaiting = cadre.Has(Modules.Assistance.AssistancePermissions.Manage) ? await applications.WaitingForMeAsync(ct) : null;
        Services = cadre.Has(MemberPermissions.View) ? await serviceFigures.ForOrgAsync(Root.Id, year is >= 2000 and <= 2100 ? year : null, ct) : null;
        if (Services is not null)
        {
            // Cards exist only once issued, so the card figures alone would read as if most members had none for no reason.
            Services = Services with { CardsWithoutCard = (await cardFigures.ForOrgAsync(Root.Id, ct)).WithoutCard };
        }
    }
}