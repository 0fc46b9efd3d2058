using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Platform.Audit;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Platform;

/// <summary>The embedded default: the same app on a SQLite file, no server needed.</summary>
public sealed class SqliteSmokeTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "wh-sqlite-" + Guid.NewGuid().ToString("N"));
    private AppFactory _factory = null!;
    private TestWorld _world = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _factory = new AppFactory($"Data Source={Path.Combine(_folder, "smoke.db")}");
        _world = await TestWorld.SeedAsync(_factory, grassroots: 20);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Tree_scope_writes_and_audit_work_on_sqlite()
    {
        var admin = _factory.Api(_world.User("zz.admin"));
        var children = await admin.GetFromJsonAsync<JsonElement[]>($"/api/organizations/{_world.Org("4101")}/children");
        children!.ShouldNotBeEmpty();
        var created = await admin.PostAsJsonAsync("/api/organizations", new
        {
            ParentId = _world.Org("410102001"),
            Union = new { Name = "嵌入式测试工会", UnionType = "GigWorkers" },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        (await admin.GetAsync($"/api/organizations/{_world.Org(TestWorld.LuoyangUnionCode)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var figures = await _factory.Api(_world.User("zz.officer")).GetFromJsonAsync<JsonElement>($"/api/members/stats/{_world.Org("4101")}");
        figures.GetProperty("active").GetInt32().ShouldBe(1, "the seeded Zhengzhou member, counted through SQLite's upsert");
        (await (await _factory.SignedInAsync(_world.User("zz.officer"))).GetAsync("/Organizations")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var scope = _factory.WholeTreeScope(out _);
        var verification = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
        verification.Intact.ShouldBeTrue();
        verification.RowsChecked.ShouldBeGreaterThan(0);
    }
}