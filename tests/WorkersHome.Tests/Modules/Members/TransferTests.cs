using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Cards;
using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Transfer;
using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Organizations.BrowseTree;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Members;

public sealed class TransferFixture : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Transfers:AutoCompleteDays"] = "0" };
}

/// <summary>会籍转接 through HTTP on PostgreSQL, across two cities: request, accept, confirm or complete on time; the record, counts and card move.</summary>
public sealed class TransferTests(TransferFixture fixture) : IClassFixture<TransferFixture>
{
    private static readonly string IdNumber = ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, Gender.Male);

    private HttpClient Officer(string user) => fixture.Factory.Api(fixture.World.User(user));

    private async Task<int> MembersCountedAtAsync(string code)
    {
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var orgId = fixture.World.Org(code);
        return await db.OrgRollups.Where(r => r.OrgId == orgId).Select(r => r.Members).SingleAsync();
    }

    [Fact]
    public async Task A_member_moves_to_a_union_in_another_city_with_history_counts_and_card_following()
    {
        var zzUnion = fixture.World.Org(TestWorld.ZhengzhouUnionCode);
        var lyUnion = fixture.World.Org(TestWorld.LuoyangUnionCode);
        var member = fixture.World.ZhengzhouMember;
        (await Officer("zz.officer").PostAsync($"/api/members/{member}/card", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (phone, next) = await MemberSignIn.ByPhoneAsync(fixture.Factory, "139" + IdNumber[^8..].Replace('X', '0'));
        if (next.EndsWith("/m/Link", StringComparison.Ordinal))
        {
            (await WebClients.PostFormAsync(phone, "/m/Link", new() { ["Name"] = "王建国", ["IdNumber"] = IdNumber })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var (lyBefore, zzBefore) = (await MembersCountedAtAsync("4103"), await MembersCountedAtAsync("4101"));
        var lyCity = fixture.World.Org("4103");
        var lyFigures = (await Officer("ly.officer").GetFromJsonAsync<ServiceFigures>($"/api/organizations/{lyCity}/service-figures", TestJson.Options))!;
        var asked = await phone.PostAsJsonAsync("/api/me/transfers", new { ToOrgId = lyUnion }, TestJson.Options);
        asked.StatusCode.ShouldBe(HttpStatusCode.Created, await asked.Content.ReadAsStringAsync());
        var transfer = (await asked.Content.ReadFromJsonAsync<TransferView>(TestJson.Options))!;
        transfer.Status.ShouldBe(TransferStatus.Requested);
        (await phone.PostAsJsonAsync("/api/me/transfers", new { ToOrgId = lyUnion }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "one transfer at a time");
        var same = await phone.PostAsJsonAsync("/api/me/transfers", new { ToOrgId = zzUnion }, TestJson.Options);
        same.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await same.Content.ReadAsStringAsync()).ShouldContain("请选择另一个基层工会");

        (await Officer("ly.officer").GetFromJsonAsync<List<TransferView>>("/api/members/transfers", TestJson.Options))!.Single(t => t.Id == transfer.Id).Incoming.ShouldBeTrue();
        (await Officer("zz.officer").GetFromJsonAsync<List<TransferView>>("/api/members/transfers", TestJson.Options))!.Single(t => t.Id == transfer.Id).Outgoing.ShouldBeTrue();
        (await Officer("zz.officer").PostAsJsonAsync($"/api/members/transfers/{transfer.Id}/accept", new { transfer.Version }, TestJson.Options)).StatusCode
            .ShouldBe(HttpStatusCode.NotFound, "only the receiving union accepts");
        (await Officer("ly.officer").PostAsJsonAsync($"/api/members/transfers/{transfer.Id}/accept", new { Version = 7 }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Officer("ly.officer").PostAsJsonAsync($"/api/members/transfers/{transfer.Id}/accept", new { transfer.Version }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Officer("ly.officer").PostAsJsonAsync($"/api/members/transfers/{transfer.Id}/confirm", new { Version = transfer.Version + 1 }, TestJson.Options)).StatusCode
            .ShouldBe(HttpStatusCode.NotFound, "only the sending union confirms");
        (await Officer("zz.officer").PostAsJsonAsync($"/api/members/transfers/{transfer.Id}/confirm", new { Version = transfer.Version + 1 }, TestJson.Options)).StatusCode
            .ShouldBe(HttpStatusCode.NoContent);

        (await Officer("zz.officer").GetAsync($"/api/members/{member}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Officer("ly.officer").GetAsync($"/api/members/{member}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Officer("ly.officer").GetFromJsonAsync<CardView>($"/api/members/{member}/card", TestJson.Options))!.UnionName.ShouldBe("洛阳测试轴承有限公司工会委员会");
        (await MembersCountedAtAsync("4103")).ShouldBe(lyBefore + 1);
        (await MembersCountedAtAsync("4101")).ShouldBe(zzBefore - 1);
        var lyNow = (await Officer("ly.officer").GetFromJsonAsync<ServiceFigures>($"/api/organizations/{lyCity}/service-figures", TestJson.Options))!;
        (lyNow.TransfersRequested - lyFigures.TransfersRequested, lyNow.TransfersIn - lyFigures.TransfersIn).ShouldBe((1L, 1L));
        (lyNow.CardsByStatus.Single(c => c.Status == 1).Count - lyFigures.CardsByStatus.Single(c => c.Status == 1).Count).ShouldBe(1, "the card moved with its member");
        var transferNotices = await phone.GetFromJsonAsync<JsonElement>("/api/me/notices");
        transferNotices.GetProperty("unread").GetInt32().ShouldBe(0, "notices wait for the outbox");
        await using (var scope = fixture.Factory.WholeTreeScope(out _))
        {
            await scope.ServiceProvider.GetRequiredService<WorkersHome.Platform.Outbox.OutboxProcessor>()
                .RunOnceAsync(new WorkersHome.Platform.Outbox.OutboxOptions { BatchSize = 500 }, "test", CancellationToken.None);
        }

        var titles = (await phone.GetFromJsonAsync<JsonElement>("/api/me/notices")).GetProperty("notices").EnumerateArray().Select(n => n.GetProperty("title").GetString()).ToList();
        titles.ShouldContain("转入工会已接收");
        titles.ShouldContain("会籍转接已完成");
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            var notes = await db.MembershipEvents.Where(e => e.MemberId == member).Select(e => e.Note).ToListAsync();
            notes.ShouldContain(n => n.StartsWith("会籍转出至洛阳测试轴承"));
            notes.ShouldContain(n => n.StartsWith("会籍转入自郑州测试机械"));
        }

        // Back again, started by the receiving union, which finds the person by ID number; nobody in Luoyang confirms in time.
        var started = await Officer("zz.officer").PostAsJsonAsync("/api/members/transfers", new { ToOrgId = zzUnion, IdNumber }, TestJson.Options);
        started.StatusCode.ShouldBe(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var back = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await Officer("zz.officer").PostAsJsonAsync($"/api/members/transfers/{back}/accept", new { Version = 0 }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            (await scope.ServiceProvider.GetRequiredService<CompleteDueTransfers>().ExecuteAsync(CancellationToken.None)).ShouldBe(1);
        }

        (await Officer("zz.officer").GetAsync($"/api/members/{member}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MembersCountedAtAsync("4101")).ShouldBe(zzBefore);
    }

    [Fact]
    public async Task Refusing_needs_a_reason_and_unknown_or_same_unions_are_named_errors()
    {
        var lyUnion = fixture.World.Org(TestWorld.LuoyangUnionCode);
        var unknown = await Officer("ly.officer").PostAsJsonAsync("/api/members/transfers", new { ToOrgId = lyUnion, IdNumber = "110105199001011234" }, TestJson.Options);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("未找到该证件号码的在册会员");
        var outside = await Officer("ly.officer").PostAsJsonAsync("/api/members/transfers",
            new { ToOrgId = fixture.World.Org(TestWorld.ZhengzhouUnionCode), IdNumber }, TestJson.Options);
        (await outside.Content.ReadAsStringAsync()).ShouldContain("请选择另一个基层工会");

        var lyMemberId = ResidentIdNumber.Compose("410302", new DateOnly(1990, 8, 1), 45, Gender.Female);
        var started = await Officer("zz.officer").PostAsJsonAsync("/api/members/transfers",
            new { ToOrgId = fixture.World.Org(TestWorld.ZhengzhouUnionCode), IdNumber = lyMemberId }, TestJson.Options);
        started.StatusCode.ShouldBe(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var noReason = await Officer("zz.officer").PostAsJsonAsync($"/api/members/transfers/{id}/refuse", new { Version = 0 }, TestJson.Options);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("请填写不予接收的原因");
        (await Officer("zz.officer").PostAsJsonAsync($"/api/members/transfers/{id}/refuse", new { Version = 0, Reason = "未在本单位就业" }, TestJson.Options)).StatusCode
            .ShouldBe(HttpStatusCode.NoContent);
        (await Officer("ly.officer").GetFromJsonAsync<List<TransferView>>("/api/members/transfers", TestJson.Options))!.Single(t => t.Id == id).Reason.ShouldBe("未在本单位就业");

        // Accepted, then the member leaves before anyone confirms: the sweep closes the transfer instead of retrying it forever.
        var again = await Officer("zz.officer").PostAsJsonAsync("/api/members/transfers",
            new { ToOrgId = fixture.World.Org(TestWorld.ZhengzhouUnionCode), IdNumber = lyMemberId }, TestJson.Options);
        var second = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await Officer("zz.officer").PostAsJsonAsync($"/api/members/transfers/{second}/accept", new { Version = 0 }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var member = await Officer("ly.officer").GetFromJsonAsync<JsonElement>($"/api/members/{fixture.World.LuoyangMember}");
        (await Officer("ly.officer").PutAsJsonAsync($"/api/members/{fixture.World.LuoyangMember}/status",
            new { Version = member.GetProperty("version").GetInt32(), Status = "Left", Note = "离职" }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            await scope.ServiceProvider.GetRequiredService<CompleteDueTransfers>().ExecuteAsync(CancellationToken.None);
        }

        var closed = (await Officer("ly.officer").GetFromJsonAsync<List<TransferView>>("/api/members/transfers", TestJson.Options))!.Single(t => t.Id == second);
        (closed.Status, closed.Reason).ShouldBe((TransferStatus.Cancelled, "会籍状态已变化，转接自动撤销"));
    }
}