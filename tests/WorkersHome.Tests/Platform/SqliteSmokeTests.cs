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
    private SqliteApp _app = null!;

    private AppFactory Factory => _app.Factory;

    private TestWorld World => _app.World;

    public async Task InitializeAsync() => _app = await SqliteApp.StartAsync("sqlite");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Tree_scope_writes_and_audit_work_on_sqlite()
    {
        var admin = Factory.Api(World.User("zz.admin"));
        var children = await admin.GetFromJsonAsync<JsonElement[]>($"/api/organizations/{World.Org("4101")}/children");
        children!.ShouldNotBeEmpty();
        var created = await admin.PostAsJsonAsync("/api/organizations", new
        {
            ParentId = World.Org("410102001"),
            Union = new { Name = "嵌入式测试工会", UnionType = "GigWorkers" },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        (await admin.GetAsync($"/api/organizations/{World.Org(TestWorld.LuoyangUnionCode)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var figures = await Factory.Api(World.User("zz.officer")).GetFromJsonAsync<JsonElement>($"/api/members/stats/{World.Org("4101")}");
        figures.GetProperty("active").GetInt32().ShouldBe(1, "the seeded Zhengzhou member, counted through SQLite's upsert");
        (await (await Factory.SignedInAsync(World.User("zz.officer"))).GetAsync("/Organizations")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var scope = Factory.WholeTreeScope(out _);
        var verification = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
        verification.Intact.ShouldBeTrue();
        verification.RowsChecked.ShouldBeGreaterThan(0);
    }
}