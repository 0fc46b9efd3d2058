using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Assistance.Disbursement;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Testing;

using static WorkersHome.Tests.Modules.Assistance.AssistanceProgramTests;

namespace WorkersHome.Tests.Modules.Assistance;

public sealed class DualControlFixture : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Disbursement:DualControlFromAmount"] = "2000" };
}

/// <summary>Dual control from a configured amount: below it one finance officer compiles and confirms; at it a second is needed.</summary>
public sealed class DualControlThresholdTests(DualControlFixture fixture) : IClassFixture<DualControlFixture>
{
    private static int _sequence;

    [Fact]
    public async Task Below_the_amount_the_compiler_confirms_at_it_another_officer_must()
    {
        var created = await fixture.Cadre("zz.assist").PostAsJsonAsync("/api/assistance/programs",
            new NewProgram("双人复核测试", ProgramType.LivingRelief, fixture.World.Org("4101"), DateTime.UtcNow.Year, null, null, new ProgramRules { FixedAmount = 1_000 }), TestJson.Options);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var programId = (await created.Content.ReadFromJsonAsync<ProgramView>(TestJson.Options))!.Program.Id;
        (await fixture.Cadre("zz.assist").PutAsJsonAsync($"/api/assistance/programs/{programId}/budgets", new BudgetAllocation(fixture.World.Org("4101"), 100_000, Guid.NewGuid()), TestJson.Options))
            .EnsureSuccessStatusCode();
        var finance = fixture.Cadre("zz.finance");

        await ApprovedAsync(programId, 1);
        var small = await BatchAsync(finance, programId);
        small.Total.ShouldBe(1_000);
        (await finance.PostAsJsonAsync($"/api/assistance/batches/{small.Id}/confirm", new BatchDecision(small.Version), TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await ApprovedAsync(programId, 2);
        var large = await BatchAsync(finance, programId);
        large.Total.ShouldBe(2_000);
        (await finance.PostAsJsonAsync($"/api/assistance/batches/{large.Id}/confirm", new BatchDecision(large.Version), TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fixture.Cadre("zz2.finance").PostAsJsonAsync($"/api/assistance/batches/{large.Id}/confirm", new BatchDecision(large.Version), TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var batches = (await finance.GetFromJsonAsync<List<BatchRow>>($"/api/assistance/batches?programId={programId}", TestJson.Options))!;
        batches.Single(b => b.Id == small.Id).ConfirmedBy.ShouldBe("zz.finance");
        batches.Single(b => b.Id == large.Id).ConfirmedBy.ShouldBe("zz2.finance");
    }

    private async Task<BatchRow> BatchAsync(HttpClient finance, long programId)
    {
        var response = await finance.PostAsJsonAsync("/api/assistance/batches", new NewBatch(programId, fixture.World.Org("4101"), Guid.NewGuid()), TestJson.Options);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<BatchView>(TestJson.Options))!.Batch;
    }

    private async Task ApprovedAsync(long programId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var n = Interlocked.Increment(ref _sequence);
            var idNumber = WorkersHome.Modules.Members.ResidentIdNumber.Compose("410102", new DateOnly(1971, 1, 1).AddDays(n * 37), 300 + n, WorkersHome.Modules.Members.Gender.Female);
            Guid memberId;
            await using (var scope = fixture.Factory.WholeTreeScope(out _))
            {
                var register = scope.ServiceProvider.GetRequiredService<WorkersHome.Modules.Members.Register.RegisterMember>();
                memberId = (await register.ExecuteAsync(TestWorld.Member(fixture.World.Org(TestWorld.ZhengzhouUnionCode), TestWorld.PersonName("复核", n), idNumber))).Id;
            }

            var filed = await fixture.Cadre("zy.assist").PostAsJsonAsync($"/api/assistance/applications?memberId={memberId}", Aid(programId, null, null, null, null, null), TestJson.Options);
            var id = (await filed.Content.ReadFromJsonAsync<JsonElement>(TestJson.Options)).GetProperty("id").GetGuid();
            (await fixture.Cadre("jc.assist").PostAsJsonAsync($"/api/assistance/applications/{id}/approve", new { version = 1 }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }
    }
}