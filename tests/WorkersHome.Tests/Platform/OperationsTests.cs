using System.Net;
using System.Text.Json;

using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Testing;

namespace WorkersHome.Tests.Platform;

public sealed class OperationsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Health_endpoints_report_live_and_ready_with_current_migrations()
    {
        var client = fixture.Factory.Anonymous();
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldContain("ready");
    }

    [Fact]
    public async Task The_running_app_loads_its_org_path_index()
    {
        _ = await fixture.Factory.Anonymous().GetAsync("/health/live");
        var index = fixture.Factory.Services.GetRequiredService<WorkersHome.Modules.Organizations.BrowseTree.OrgPathIndex>();
        // The tree was seeded after the app started; a move would invalidate the index the same way.
        index.Invalidate();
        for (var attempt = 0; attempt < 100 && !index.IsLoaded; attempt++)
        {
            await Task.Delay(100);
        }

        index.IsLoaded.ShouldBeTrue();
        index.TryGetPath(fixture.World.Org("4101"), out var path).ShouldBeTrue();
        path.ShouldBe("/41/4101/");
    }

    [Fact]
    public async Task Readiness_fails_when_the_database_is_unreachable()
    {
        await using var broken = new AppFactory("Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2",
            new Dictionary<string, string?> { ["Database:MigrateOnStart"] = "false" });
        var response = await broken.Anonymous().GetAsync("/health/ready");
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task The_api_is_described_by_an_openapi_document_with_a_browsable_ui()
    {
        var client = fixture.Factory.Anonymous();
        var doc = JsonDocument.Parse(await client.GetStringAsync("/api/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/organizations/{id}/children");
        paths.ShouldContain("/api/accounts");
        paths.ShouldContain("/api/audit");
        (await client.GetAsync("/api/docs/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_pages_show_a_localised_404()
    {
        var response = await fixture.Factory.Anonymous().GetAsync("/no/such/page");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("页面不存在");
    }
}