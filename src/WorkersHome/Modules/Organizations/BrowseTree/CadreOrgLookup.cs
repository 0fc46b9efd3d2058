using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Organizations.BrowseTree;

/// <summary>The account and its organisation in one round trip: it runs on every signed-in request.</summary>
public sealed class CadreOrgLookup(AppDbContext db) : ICadreOrgLookup
{
    public Task<CadreOrgRow?> FindEnabledAsync(Guid userId, CancellationToken ct) => (
        from u in db.Users.AsNoTracking()
        join o in db.OrgUnits.IgnoreQueryFilters().AsNoTracking() on u.OrgId equals o.Id
        where u.Id == userId && !u.IsDisabled
        select new CadreOrgRow(u.UserName, u.DisplayName, u.OrgId, u.TwoFactorEnabled, o.Path, o.Name)).FirstOrDefaultAsync(ct);
}