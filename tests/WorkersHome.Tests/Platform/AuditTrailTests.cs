using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Npgsql;

using WorkersHome.Platform.Audit;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Platform;

public sealed class AuditTrailTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private async Task<AuditVerification> VerifyAsync()
    {
        await using var scope = fixture.Factory.WholeTreeScope(out _);
        await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealAllAsync(default);
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
    }

    private async Task MakeSomeHistoryAsync()
    {
        var client = fixture.Factory.Api(fixture.World.User("zz.admin"));
        var tasks = Enumerable.Range(0, 8).Select(i => client.PostAsJsonAsync("/api/accounts", new
        {
            UserName = $"chain.{i}.{Guid.NewGuid():N}"[..20],
            DisplayName = "链",
            OrgId = fixture.World.Org("4101"),
            Password = "Initial-Password-1",
            Roles = new[] { "MemberOfficer" },
        }));
        foreach (var response in await Task.WhenAll(tasks))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
    }

    [Fact]
    public async Task Concurrent_writers_still_make_one_unbroken_chain_which_the_database_keeps_append_only()
    {
        await MakeSomeHistoryAsync();
        var result = await VerifyAsync();
        result.Intact.ShouldBeTrue(result.Problem);
        result.RowsChecked.ShouldBeGreaterThanOrEqualTo(8);

        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        foreach (var change in new[]
        {
            "UPDATE audit.entries SET \"ActorName\" = 'nobody' WHERE \"Id\" = 1",
            "UPDATE audit.entries SET \"Hash\" = \"PreviousHash\" WHERE \"Id\" = 1",
            "UPDATE audit.entries SET \"Sequence\" = NULL WHERE \"Id\" = 1",
            "DELETE FROM audit.entries WHERE \"Id\" = 1",
            "TRUNCATE audit.entries",
            "DELETE FROM audit.checkpoints",
        })
        {
            await using var command = new NpgsqlCommand(change, connection);
            var refused = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            refused.MessageText.ShouldContain("append-only", customMessage: change);
        }
    }

    [Fact]
    public async Task Auditors_read_the_trail_of_their_subtree_and_others_may_not()
    {
        await MakeSomeHistoryAsync();
        var rows = await fixture.Factory.Api(fixture.World.User("auditor")).GetFromJsonAsync<JsonElement[]>("/api/audit?action=account.");
        rows!.ShouldNotBeEmpty();
        (await fixture.Factory.Api(fixture.World.User("zz.admin")).GetAsync("/api/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var luoyangRows = await fixture.Factory.Api(fixture.World.User("zz.auditor")).GetFromJsonAsync<JsonElement[]>("/api/audit?actor=ly.");
        luoyangRows!.ShouldBeEmpty();
    }
}