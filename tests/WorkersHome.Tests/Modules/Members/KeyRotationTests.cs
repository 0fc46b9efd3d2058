using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Members;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Members;

public sealed class KeyRotationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Rotation_re_encrypts_every_record_under_the_new_key_and_the_data_still_reads_back()
    {
        var rotated = new Dictionary<string, string?>
        {
            ["Privacy:ActiveKeyId"] = "t2",
            ["Privacy:Keys:t2"] = Convert.ToBase64String("test-only-personal-data-key-0002"u8.ToArray()),
        };
        await using var afterRotation = new AppFactory(fixture.Database.ConnectionString, rotated);
        await using (var scope = afterRotation.WholeTreeScope(out _))
        {
            var first = await scope.ServiceProvider.GetRequiredService<RotateKeys>().ExecuteAsync();
            first.Rewritten.ShouldBeGreaterThanOrEqualTo(2);
            var second = await scope.ServiceProvider.GetRequiredService<RotateKeys>().ExecuteAsync();
            second.Rewritten.ShouldBe(0, "a second run finds nothing left to do");
        }

        await using (var check = afterRotation.WholeTreeScope(out var db))
        {
            (await db.Members.IgnoreQueryFilters().AllAsync(m => m.IdCipher.StartsWith("t2:") && (m.PhoneCipher == null || m.PhoneCipher.StartsWith("t2:"))))
                .ShouldBeTrue();
        }

        var revealed = await (await afterRotation.Api(fixture.World.User("zz.officer")).PostAsync($"/api/members/{fixture.World.ZhengzhouMember}/reveal", null))
            .Content.ReadFromJsonAsync<JsonElement>();
        revealed.GetProperty("idNumber").GetString().ShouldBe(ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, Gender.Male));
        var found = await afterRotation.Api(fixture.World.User("zz.officer")).SearchMembersAsync(
            new { search = ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, Gender.Male) });
        found.GetProperty("total").GetInt32().ShouldBe(1, "the keyed hash does not change with the encryption key");
    }
}