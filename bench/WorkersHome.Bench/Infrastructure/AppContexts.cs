using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Organizations.BrowseTree;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Bench.Infrastructure;

/// <summary>The product's own <see cref="AppDbContext"/> configuration, pointed at a benchmark database.</summary>
internal sealed class AppContexts(string connectionString, IInterceptor? interceptor = null)
{
    private readonly DbContextOptions<AppDbContext> _options = Build(connectionString, interceptor);

    /// <summary>The in-memory path index a running app keeps (loaded and invalidated by OrgPathIndexSync).</summary>
    public OrgPathIndex PathIndex { get; set; } = new();

    /// <summary>A context for system work (migration, seeding) that sees the whole tree.</summary>
    public AppDbContext WholeTree()
    {
        var db = NewContext();
        db.UseWholeTree();
        return db;
    }

    public AppDbContext NewContext() => new(_options);

    /// <summary>
    /// What one web request gets: its own context, restricted to the cadre's subtree and with the cadre signed
    /// in, as DataScopeMiddleware sets them up. A <paramref name="sharedContext"/> is re-scoped instead, only to
    /// measure what the per-request context costs.
    /// </summary>
    public CadreRequest Request(long orgId, string orgPath, string orgName, AppDbContext? sharedContext = null)
    {
        var db = sharedContext ?? NewContext();
        var cadre = new CurrentCadre();
        cadre.SignIn(Guid.Empty, "bench", "Benchmark cadre", orgId, orgPath, orgName, [Roles.UnionAdministrator],
            new HashSet<string>(StringComparer.Ordinal) { OrgPermissions.View }, mustEnrolTwoFactor: false);
        db.RestrictToSubtree(orgPath);
        return new CadreRequest(db, cadre, new OrgTreeQueries(db, cadre, PathIndex), OwnsContext: sharedContext is null);
    }

    private static DbContextOptions<AppDbContext> Build(string connectionString, IInterceptor? interceptor)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(builder, connectionString, DatabaseProvider.PostgreSql);
        if (interceptor is not null)
        {
            builder.AddInterceptors(interceptor);
        }

        return builder.Options;
    }
}

/// <summary>The per-request objects; disposing returns the connection to the pool, as the end of a request does.</summary>
internal sealed record CadreRequest(AppDbContext Db, CurrentCadre Cadre, OrgTreeQueries Tree, bool OwnsContext) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => OwnsContext ? Db.DisposeAsync() : ValueTask.CompletedTask;
}