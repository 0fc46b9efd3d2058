using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Organizations.BrowseTree;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.Organizations;

public sealed class NodeModel(OrgTreeQueries tree, CurrentCadre cadre, Modules.Members.Statistics.MemberStatsQueries memberStats,
    ServiceFiguresQueries serviceFigures, Modules.Cards.Browse.CardFigures cardFigures) : OrgPageModel
{
    public OrgNodeView Node { get; private set; } = null!;

    public OrgUnit Unit { get; private set; } = null!;

    public IReadOnlyList<OrgNodeView> Children { get; private set; } = [];

    public IReadOnlyList<BreadcrumbItem> Breadcrumb { get; private set; } = [];

    public IReadOnlyList<OrgHistoryEntry> History { get; private set; } = [];

    public Modules.Members.Statistics.MemberFigures? Figures { get; private set; }

    public ServiceFigures? Services { get; private set; }

    public bool CanManage => cadre.Has(OrgPermissions.Manage);

    public bool IsOwnNode => Node.Id == cadre.OrgId;

    public async Task OnGetAsync(long id, int? year, CancellationToken ct)
    {
        Node = await tree.GetNodeAsync(id, ct);
        Unit = await tree.GetUnitAsync(id, ct);
        Children = await tree.GetChildrenAsync(id, includeClosed: true, ct: ct);
        Breadcrumb = await tree.BreadcrumbAsync(Node.Path, ct);
        History = await tree.HistoryAsync(id, ct);
        Figures = cadre.Has(Modules.Members.MemberPermissions.View) ? await memberStats.ForOrgAsync(id, ct) : null;
        Services = cadre.Has(Modules.Members.MemberPermissions.View) ? await serviceFigures.ForOrgAsync(id, year is >= 2000 and <= 2100 ? year : null, ct) : null;
        if (Services is not null)
        {
            Services = Services with { CardsWithoutCard = (await cardFigures.ForOrgAsync(id, ct)).WithoutCard };
        }
    }
}