using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Organizations.BrowseTree;
using WorkersHome.Pages.Shared;

namespace WorkersHome.Pages.Organizations;

/// <summary>A page that acts on one unit and lets the cadre search for a second one (the new parent, the merge target).</summary>
public abstract class TargetPageModel(OrgTreeQueries tree) : OrgPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public OrgUnit Unit { get; private set; } = null!;

    public IReadOnlyList<OrgNodeView> Candidates { get; private set; } = [];

    protected abstract bool IsCandidate(OrgNodeView node);

    protected async Task LoadAsync(long id, bool keepVersion, CancellationToken ct)
    {
        Unit = await tree.GetUnitAsync(id, ct);
        if (!keepVersion)
        {
            Version = Unit.Version;
        }

        Candidates = (await tree.SearchAsync(Q, 100, ct)).Where(c => c.Id != id && c.Status == OrgStatus.Active && IsCandidate(c)).Take(30).ToList();
    }
}