using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Demo;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Bench.Scenarios.Rights;

/// <summary>A cadre account the run calls the API as, with its bearer token.</summary>
internal sealed record ApiCadre(string UserName, long OrgId, string OrgPath, string Token);

/// <summary>
/// Cadre accounts made as an administrator makes them (the product's user manager and roles), each with an API token
/// (hashed in the database as the product stores it), so that the run's requests are authenticated and scoped by the app.
/// </summary>
internal static class ApiCadres
{
    public static async Task<List<ApiCadre>> CreateAsync(IServiceProvider services, string role, IReadOnlyList<(string UserName, long OrgId, string OrgPath)> accounts,
        CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.UseWholeTree();
        await DemoSeeder.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<CadreRole>>());
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
        var now = DateTimeOffset.UtcNow;
        var result = new List<ApiCadre>(accounts.Count);
        foreach (var (name, orgId, orgPath) in accounts)
        {
            ct.ThrowIfCancellationRequested();
            var user = new CadreUser { Id = Guid.NewGuid(), UserName = name, DisplayName = "压测" + name, OrgId = orgId, CreatedAt = now };
            Check(await users.CreateAsync(user), name);
            Check(await users.AddToRoleAsync(user, role), name);
            var token = ApiTokenAuthenticationHandler.NewToken();
            db.ApiTokens.Add(new ApiToken { UserId = user.Id, Name = "bench", TokenHash = ApiTokenAuthenticationHandler.Hash(token), CreatedAt = now, ExpiresAt = now.AddDays(1) });
            result.Add(new ApiCadre(name, orgId, orgPath, token));
        }

        await db.SaveChangesAsync(ct);
        return result;
    }

    private static void Check(IdentityResult result, string name)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{name}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}