using System.Net;
using System.Net.Http.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

using WorkersHome.Platform.Outbox;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Platform;

/// <summary>Two app instances on one PostgreSQL behave as one.</summary>
public sealed class TwoInstanceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_session_started_on_one_instance_works_on_the_other()
    {
        await using var other = new AppFactory(fixture.Database.ConnectionString);
        var onA = await fixture.Factory.SignedInAsync(fixture.World.User("zz.admin"));
        var onB = other.Anonymous();
        var cookies = await CookieHeaderAsync(onA);
        onB.DefaultRequestHeaders.Add("Cookie", cookies);
        var response = await onB.GetAsync("/Workbench");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("郑州市总工会");
    }

    [Fact]
    public async Task Each_outbox_message_is_delivered_by_exactly_one_instance()
    {
        await using var other = new AppFactory(fixture.Database.ConnectionString);
        var options = new OutboxOptions { BatchSize = 5 };
        async Task DrainAsync(AppFactory instance, string name)
        {
            while (true)
            {
                await using var scope = instance.Services.CreateAsyncScope();
                var processor = scope.ServiceProvider.GetRequiredService<OutboxProcessor>();
                if (await processor.RunOnceAsync(options, name, CancellationToken.None) == 0)
                {
                    return;
                }
            }
        }

        // Warm both instances up (host, model, queries) before the race, or the warm one drains everything alone.
        await Task.WhenAll(DrainAsync(fixture.Factory, "A0"), DrainAsync(other, "B0"));
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            for (var i = 0; i < 600; i++)
            {
                db.OutboxMessages.Add(new OutboxMessage { Channel = "sms", Body = $"message {i}", CreatedAt = DateTimeOffset.UtcNow });
            }

            await db.SaveChangesAsync();
        }

        // All four drainers wait at one gate, so that none has a head start while the others are still being scheduled.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var drainers = new[] { (fixture.Factory, "A1"), (fixture.Factory, "A2"), (other, "B1"), (other, "B2") }
            .Select(d => Task.Run(async () =>
            {
                await gate.Task;
                await DrainAsync(d.Item1, d.Item2);
            }))
            .ToArray();
        gate.SetResult();
        await Task.WhenAll(drainers);

        await using var check = fixture.Factory.WholeTreeScope(out var verify);
        (await verify.OutboxMessages.CountAsync(m => m.DeliveredAt == null)).ShouldBe(0);
        var perMessage = await verify.OutboxDeliveries.GroupBy(d => d.MessageId).Select(g => g.Count()).ToListAsync();
        perMessage.Count.ShouldBeGreaterThanOrEqualTo(600);
        perMessage.ShouldAllBe(n => n == 1);
        (await verify.OutboxDeliveries.Select(d => d.Instance.Substring(0, 1)).Distinct().CountAsync()).ShouldBe(2, "both instances took part");
    }

    [Fact]
    public async Task A_move_on_one_instance_changes_scope_answers_on_the_other()
    {
        await using var other = new AppFactory(fixture.Database.ConnectionString);
        var luoyangOfficer = other.Api(fixture.World.User("ly.officer"));
        var township = fixture.World.Org("410102005");
        (await luoyangOfficer.GetAsync($"/api/organizations/{township}/children")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var admin = fixture.Factory.Api(fixture.World.User("t.admin"));
        var node = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/organizations/{township}");
        var moved = await admin.PostAsJsonAsync($"/api/organizations/{township}/move",
            new { NewParentId = fixture.World.Org("410302"), Version = node.GetProperty("version").GetInt32() });
        moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());

        // The other instance hears of the move through PostgreSQL's notification; allow it a moment to arrive.
        var status = HttpStatusCode.NotFound;
        for (var attempt = 0; attempt < 50 && status != HttpStatusCode.OK; attempt++)
        {
            await Task.Delay(100);
            status = (await luoyangOfficer.GetAsync($"/api/organizations/{township}/children")).StatusCode;
        }

        status.ShouldBe(HttpStatusCode.OK);
        (await other.Api(fixture.World.User("zz.officer")).GetAsync($"/api/organizations/{township}/children")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<string> CookieHeaderAsync(HttpClient signedIn)
    {
        // The test client keeps cookies in its handler; ask it to echo them through a request we can read.
        var probe = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        var response = await signedIn.SendAsync(probe);
        response.EnsureSuccessStatusCode();
        var header = response.RequestMessage!.Headers.TryGetValues("Cookie", out var values) ? string.Join("; ", values) : "";
        header.ShouldContain("wh.auth");
        return header;
    }
}