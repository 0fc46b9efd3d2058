using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Members;
using WorkersHome.Platform.Privacy;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Members;

/// <summary>`keys rotate` moves data from an AES key to an SM4 key and back, since each key carries its own algorithm.</summary>
public sealed class Sm4KeyRotationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly string Sm4Key = Convert.ToBase64String("test-only-sm4-01"u8.ToArray());

    [Fact]
    public async Task Rotation_moves_every_record_from_aes_to_sm4_and_back_and_the_data_still_reads_back()
    {
        // The fixture registered its members under AES key t1.
        var plain = await PlaintextsAsync(fixture.Factory, "t1:");
        plain.Count.ShouldBeGreaterThanOrEqualTo(2);

        await using (var toSm4 = Rotated("s2"))
        {
            await RotateAsync(toSm4);
            (await PlaintextsAsync(toSm4, "s2:")).ShouldBe(plain);
            await ShouldRevealAsync(toSm4);
        }

        // And back to an AES key, with the SM4 key still configured so that its ciphertexts can be read.
        await using var toAes = Rotated("t1");
        await RotateAsync(toAes);
        (await PlaintextsAsync(toAes, "t1:")).ShouldBe(plain);
        await ShouldRevealAsync(toAes);
    }

    private AppFactory Rotated(string activeKeyId) => new(fixture.Database.ConnectionString, new Dictionary<string, string?>
    {
        ["Privacy:ActiveKeyId"] = activeKeyId,
        ["Privacy:Keys:s2"] = Sm4Key,
        ["Privacy:Algorithms:s2"] = "SM4-GCM",
    });

    private static async Task RotateAsync(AppFactory factory)
    {
        await using var scope = factory.WholeTreeScope(out _);
        var first = await scope.ServiceProvider.GetRequiredService<RotateKeys>().ExecuteAsync();
        first.Rewritten.ShouldBeGreaterThanOrEqualTo(2);
        first.Skipped.ShouldBe(0);
        var second = await scope.ServiceProvider.GetRequiredService<RotateKeys>().ExecuteAsync();
        second.Rewritten.ShouldBe(0, "a second run finds nothing left to do");
    }

    /// <summary>Every member's ID number and phone in plain text, after checking that all are under <paramref name="prefix"/>.</summary>
    private static async Task<Dictionary<Guid, (string Id, string? Phone)>> PlaintextsAsync(AppFactory factory, string prefix)
    {
        await using var scope = factory.WholeTreeScope(out var db);
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var rows = await db.Members.IgnoreQueryFilters().AsNoTracking().OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.IdCipher, m.PhoneCipher }).ToListAsync();
        rows.ShouldAllBe(m => m.IdCipher.StartsWith(prefix) && (m.PhoneCipher == null || m.PhoneCipher.StartsWith(prefix)));
        return rows.ToDictionary(m => m.Id, m => (protector.Decrypt(m.IdCipher), m.PhoneCipher is null ? null : protector.Decrypt(m.PhoneCipher)));
    }

    private async Task ShouldRevealAsync(AppFactory factory)
    {
        var idNumber = ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, Gender.Male);
        var revealed = await (await factory.Api(fixture.World.User("zz.officer")).PostAsync($"/api/members/{fixture.World.ZhengzhouMember}/reveal", null))
            .Content.ReadFromJsonAsync<JsonElement>();
        revealed.GetProperty("idNumber").GetString().ShouldBe(idNumber);
    }
}