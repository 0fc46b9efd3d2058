using System.Net;
using System.Net.Http.Json;

using Microsoft.Extensions.Logging;

using WorkersHome.Modules.Members;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Platform;

public sealed class HandledConflictLoggingFixture : AppFixture
{
    // EF Core's own categories are silenced in tests by default; here they are what is under test.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Information",
    };
}

/// <summary>A conflict the app catches and answers is not an error in the logs; operators look at Error for faults.</summary>
public sealed class HandledConflictLoggingTests(HandledConflictLoggingFixture fixture) : IClassFixture<HandledConflictLoggingFixture>
{
    [Fact]
    public async Task An_application_sent_twice_meets_the_unique_key_and_is_answered_409_without_an_error_in_the_log()
    {
        var (applicant, _) = await MemberSignIn.ByPhoneAsync(fixture.Factory, "13500000077");
        var form = JoinForms.Gig(fixture.World.Org(TestWorld.ZhengzhouUnionCode), "孙晓东", ResidentIdNumber.Compose("410102", new DateOnly(1995, 3, 4), 66, Gender.Male));
        (await applicant.PostAsJsonAsync("/api/join/applications", form)).StatusCode.ShouldBe(HttpStatusCode.Created);
        fixture.Factory.Logs.Clear();

        var twice = await applicant.PostAsJsonAsync("/api/join/applications", form);

        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await twice.Content.ReadAsStringAsync()).ShouldContain("已有待审核的入会申请");
        var logs = fixture.Factory.Logs.Entries;
        logs.ShouldContain(e => e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) && e.Exception != null,
            "the unique key refused the second row, and EF Core said so");
        logs.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message}").ShouldBeEmpty();
    }
}