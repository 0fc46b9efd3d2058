using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Join;
using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Organizations.BrowseTree;
using WorkersHome.Platform.Outbox;
using WorkersHome.Platform.Statistics;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Organizations;

public sealed class ServiceFiguresFixture : AppFixture;

/// <summary>Service figures per tree node from counter rows, and in-app notices through the outbox, on PostgreSQL.</summary>
public sealed class ServiceFiguresTests(ServiceFiguresFixture fixture) : IClassFixture<ServiceFiguresFixture>
{
    private Task<ServiceFigures?> FiguresAsync(string user, long orgId) =>
        fixture.Factory.Api(fixture.World.User(user)).GetFromJsonAsync<ServiceFigures>($"/api/organizations/{orgId}/service-figures", TestJson.Options);

    private async Task<int> DeliverOutboxAsync()
    {
        await using var scope = fixture.Factory.WholeTreeScope(out _);
        return await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().RunOnceAsync(new OutboxOptions { BatchSize = 500 }, "test", CancellationToken.None);
    }

    [Theory]
    [InlineData(new int[0], new long[0], null)]
    [InlineData(new[] { 3 }, new long[] { 1 }, 3.5)]
    [InlineData(new[] { 0, 10 }, new long[] { 1, 1 }, 1.0)]
    [InlineData(new[] { 1, 2, 48 }, new long[] { 2, 1, 1 }, 2.0)]
    [InlineData(new[] { 5, 999 }, new long[] { 1, 3 }, 999.3)]
    public void The_median_approval_time_is_read_from_the_minutes_histogram(int[] minutes, long[] counts, double? median) =>
        ServiceFiguresQueries.Median([.. minutes.Zip(counts)]).ShouldBe(median);

    [Fact]
    public async Task Applications_decided_and_cards_issued_count_for_the_union_and_every_node_above_it()
    {
        long unionId = fixture.World.Org(TestWorld.ZhengzhouUnionCode), cityId, provinceId;
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            var path = await db.OrgUnits.IgnoreQueryFilters().Where(o => o.Id == unionId).Select(o => o.Path).SingleAsync();
            var codes = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            provinceId = await db.OrgUnits.IgnoreQueryFilters().Where(o => o.Code == codes[0]).Select(o => o.Id).SingleAsync();
            cityId = await db.OrgUnits.IgnoreQueryFilters().Where(o => o.Code == codes[1]).Select(o => o.Id).SingleAsync();
        }

        var before = (await FiguresAsync("t.admin", provinceId))!;
        var (applicant, _) = await MemberSignIn.ByPhoneAsync(fixture.Factory, "13600000031");
        var first = (await (await applicant.PostAsJsonAsync("/api/join/applications",
            JoinForms.Gig(unionId, "孙立新", ResidentIdNumber.Compose("410102", new DateOnly(1994, 3, 4), 31, Gender.Male)), TestJson.Options)).Content.ReadFromJsonAsync<JoinApplicationView>(TestJson.Options))!;
        var zz = fixture.Factory.Api(fixture.World.User("zz.officer"));
        (await zz.PostAsJsonAsync($"/api/members/applications/{first.Id}/reject", new { first.Version, Reason = "证明材料不全" }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var second = (await (await applicant.PostAsJsonAsync("/api/join/applications",
            JoinForms.Gig(unionId, "孙立新", ResidentIdNumber.Compose("410102", new DateOnly(1994, 3, 4), 31, Gender.Male)), TestJson.Options)).Content.ReadFromJsonAsync<JoinApplicationView>(TestJson.Options))!;
        (await zz.PostAsJsonAsync($"/api/members/applications/{second.Id}/approve", new { second.Version }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var (user, orgId) in new[] { ("zz.officer", unionId), ("zz.officer", cityId), ("t.admin", provinceId) })
        {
            var now = (await FiguresAsync(user, orgId))!;
            now.ApplicationsReceived.ShouldBeGreaterThanOrEqualTo(2);
            now.ApplicationsApproved.ShouldBeGreaterThanOrEqualTo(1);
            now.ApplicationsRejected.ShouldBeGreaterThanOrEqualTo(1);
            now.MedianApprovalMinutes.ShouldNotBeNull();
            now.CardsByStatus.Single(c => c.Status == 1).Count.ShouldBeGreaterThanOrEqualTo(1);
        }

        var after = (await FiguresAsync("t.admin", provinceId))!;
        (after.ApplicationsReceived - before.ApplicationsReceived, after.ApplicationsApproved - before.ApplicationsApproved,
            after.ApplicationsRejected - before.ApplicationsRejected).ShouldBe((2L, 1L, 1L));
        (after.CardsByStatus.Single(c => c.Status == 1).Count - before.CardsByStatus.Single(c => c.Status == 1).Count).ShouldBe(1);
        after.CardsByStatus.Single(c => c.Status == 1).Label.ShouldBe("正常");

        // Another city's officer sees nothing of this one's node; a bad year names the field.
        (await fixture.Factory.Api(fixture.World.User("ly.officer")).GetAsync($"/api/organizations/{unionId}/service-figures")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var badYear = await zz.GetAsync($"/api/organizations/{unionId}/service-figures?year=1900");
        badYear.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badYear.Content.ReadAsStringAsync()).ShouldContain("year");
    }

    [Fact]
    public async Task Decisions_reach_the_applicant_as_in_app_notices_once_however_often_the_outbox_delivers()
    {
        var unionId = fixture.World.Org(TestWorld.ZhengzhouUnionCode);
        var (applicant, _) = await MemberSignIn.ByPhoneAsync(fixture.Factory, "13600000041");
        (await applicant.GetFromJsonAsync<JsonElement>("/api/me/notices")).GetProperty("unread").GetInt32().ShouldBe(0);
        var application = (await (await applicant.PostAsJsonAsync("/api/join/applications",
            JoinForms.Gig(unionId, "周红梅", ResidentIdNumber.Compose("410102", new DateOnly(1991, 9, 9), 41, Gender.Female)), TestJson.Options)).Content.ReadFromJsonAsync<JoinApplicationView>(TestJson.Options))!;
        var zz = fixture.Factory.Api(fixture.World.User("zz.officer"));
        (await zz.PostAsJsonAsync($"/api/members/applications/{application.Id}/approve", new { application.Version }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await applicant.GetFromJsonAsync<JsonElement>("/api/me/notices")).GetProperty("unread").GetInt32().ShouldBe(0, "not before the outbox delivers it");

        (await DeliverOutboxAsync()).ShouldBeGreaterThan(0);
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            // A delivery whose lease ran out is claimed and delivered again: the notice is not shown twice.
            await db.OutboxMessages.Where(m => m.Channel == "notice").ExecuteUpdateAsync(s => s.SetProperty(m => m.DeliveredAt, (DateTimeOffset?)null).SetProperty(m => m.ClaimedBy, (string?)null));
        }

        await DeliverOutboxAsync();
        var notices = await applicant.GetFromJsonAsync<JsonElement>("/api/me/notices");
        notices.GetProperty("unread").GetInt32().ShouldBe(1);
        var notice = notices.GetProperty("notices").EnumerateArray().Single();
        notice.GetProperty("title").GetString().ShouldBe("入会申请已通过");
        notice.GetProperty("body").GetString()!.ShouldContain("郑州测试机械有限公司工会委员会");

        // Another phone sees none of it; reading marks it read.
        var (other, _) = await MemberSignIn.ByPhoneAsync(fixture.Factory, "13600000042");
        (await other.GetFromJsonAsync<JsonElement>("/api/me/notices")).GetProperty("notices").GetArrayLength().ShouldBe(0);
        (await applicant.PostAsync("/api/me/notices/read", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await applicant.GetFromJsonAsync<JsonElement>("/api/me/notices")).GetProperty("unread").GetInt32().ShouldBe(0);
        (await fixture.Factory.Anonymous().GetAsync("/api/me/notices")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_unit_that_moves_or_merges_takes_its_figures_from_its_old_ancestors_to_its_new_ones()
    {
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        db.Counters.Add("/X1/X11/X111/", Metrics.JoinApproved, 202611, 3);
        db.Counters.Add("/X1/X11/X112/", Metrics.JoinApproved, 202611, 2);
        db.Counters.Add("/X1/X12/", Metrics.CardsByStatus, 1, 0);
        await db.Counters.FlushAsync(db, CancellationToken.None);
        var follower = new TreeCountersFollower(db);

        await follower.OnSubtreeMovedAsync("/X1/X11/X111/", "/X1/X12/X111/", CancellationToken.None);
        async Task<long> Count(string code) =>
            await db.Set<TreeCounter>().Where(c => c.OrgCode == code && c.Metric == Metrics.JoinApproved && c.Key == 202611).Select(c => c.Count).SingleOrDefaultAsync();
        (await Count("X1"), await Count("X11"), await Count("X12"), await Count("X111")).ShouldBe((5L, 2L, 3L, 3L));

        await follower.OnUnionMergedAsync(0, "/X1/X11/X112/", 0, "/X1/X12/X111/", CancellationToken.None);
        (await Count("X1"), await Count("X11"), await Count("X12"), await Count("X111"), await Count("X112")).ShouldBe((5L, 0L, 5L, 5L, 0L));
    }
}