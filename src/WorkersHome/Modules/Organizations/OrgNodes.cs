using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Organizations;

/// <summary>The tree's nodes for Platform's request scoping and sign-in audit: every node, unscoped, not tracked.</summary>
internal sealed class OrgNodes(AppDbContext db) : IOrgNodes
{
    public IQueryable<OrgNode> All() =>
        db.OrgUnits.IgnoreQueryFilters().AsNoTracking().Select(o => new OrgNode { Id = o.Id, Path = o.Path, Name = o.Name });
}