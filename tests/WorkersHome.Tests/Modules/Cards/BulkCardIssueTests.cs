using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Cards;
using WorkersHome.Modules.Cards.Browse;
using WorkersHome.Modules.Cards.Issue;
using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Register;
using WorkersHome.Modules.Organizations;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Cards;

public sealed class BulkCardIssueFixture : AppFixture;

/// <summary>为未发卡会员批量发卡 on PostgreSQL: batches, resuming, two runs at once, and the figures it leaves.</summary>
public sealed class BulkCardIssueTests(BulkCardIssueFixture fixture) : IClassFixture<BulkCardIssueFixture>
{
    private static readonly CardStatus[] LiveStatuses = [CardStatus.Active, CardStatus.Frozen, CardStatus.ReportedLost];

    private async Task<List<Guid>> AddMembersAsync(string unionCode, int count, int firstSequence)
    {
        await using var scope = fixture.Factory.WholeTreeScope(out _);
        var register = scope.ServiceProvider.GetRequiredService<RegisterMember>();
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var idNumber = ResidentIdNumber.Compose("410105", new DateOnly(1980, 1, 1).AddDays(i), firstSequence + i, Gender.Female);
            ids.Add((await register.ExecuteAsync(TestWorld.Member(fixture.World.Org(unionCode), TestWorld.PersonName("批量", firstSequence + i), idNumber))).Id);
        }

        return ids;
    }

    private async Task<BulkIssueResult> RunAsync(string unionCode, int limit = IssueMissingCards.DefaultLimit, int batchSize = 7)
    {
        await using var scope = fixture.Factory.WholeTreeScope(out _);
        return await scope.ServiceProvider.GetRequiredService<IssueMissingCards>()
            .ExecuteAsync(fixture.World.Org(unionCode), "test", limit, batchSize);
    }

    private async Task<CardCounts> FiguresAsync(string unionCode)
    {
        await using var scope = fixture.Factory.WholeTreeScope(out _);
        return await scope.ServiceProvider.GetRequiredService<CardFigures>().ForOrgAsync(fixture.World.Org(unionCode));
    }

    [Fact]
    public async Task Two_runs_at_once_issue_exactly_one_card_per_member_and_the_figures_count_each_once()
    {
        await AddMembersAsync(TestWorld.ZhengzhouUnionCode, 40, 600);
        var before = await FiguresAsync(TestWorld.ZhengzhouUnionCode);
        before.WithoutCard.ShouldBe(41, "the 40 added and the world's 王建国");
        before.Of(CardStatus.Active).ShouldBe(0);

        var runs = await Task.WhenAll(RunAsync(TestWorld.ZhengzhouUnionCode), RunAsync(TestWorld.ZhengzhouUnionCode));

        runs.Sum(r => r.Issued).ShouldBe(41);
        runs.ShouldAllBe(r => r.Finished && r.StillWithout == 0);
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var path = (await TestWorld.FindUnitAsync(db, fixture.World.Org(TestWorld.ZhengzhouUnionCode))).Path;
        var cardsPerMember = await db.MemberCards.AsNoTracking().Where(c => c.OrgPath == path && LiveStatuses.Contains(c.Status))
            .GroupBy(c => c.MemberId).Select(g => g.Count()).ToListAsync();
        cardsPerMember.Count.ShouldBe(41);
        cardsPerMember.ShouldAllBe(n => n == 1);

        var after = await FiguresAsync(TestWorld.ZhengzhouUnionCode);
        after.Of(CardStatus.Active).ShouldBe(41);
        after.WithoutCard.ShouldBe(0);
        (await db.AuditEntries.Where(a => a.Action == CardAuditActions.BulkIssued || a.Action == CardAuditActions.Issued).CountAsync()).ShouldBeGreaterThan(0);

        (await RunAsync(TestWorld.ZhengzhouUnionCode)).Issued.ShouldBe(0, "a third run finds nobody without a card");
    }

    [Fact]
    public async Task A_large_union_is_done_over_several_bounded_runs_that_pick_up_where_the_last_stopped_and_skip_ended_memberships()
    {
        var added = await AddMembersAsync(TestWorld.LuoyangUnionCode, 12, 700);
        await using (var scope = fixture.Factory.WholeTreeScope(out _))
        {
            await scope.ServiceProvider.GetRequiredService<ChangeMemberStatus>().ExecuteAsync(added[0], 0, MembershipStatus.Left, "调离");
        }

        (await FiguresAsync(TestWorld.LuoyangUnionCode)).WithoutCard.ShouldBe(12, "11 added still members and the world's 李秀英");

        var first = await RunAsync(TestWorld.LuoyangUnionCode, limit: 5, batchSize: 5);
        (first.Issued, first.StillWithout, first.Finished).ShouldBe((5, 7L, false));
        var second = await RunAsync(TestWorld.LuoyangUnionCode, limit: 5, batchSize: 5);
        (second.Issued, second.StillWithout, second.Finished).ShouldBe((5, 2L, false));
        var third = await RunAsync(TestWorld.LuoyangUnionCode, limit: 5, batchSize: 5);
        (third.Issued, third.StillWithout, third.Finished).ShouldBe((2, 0L, true));

        await using var check = fixture.Factory.WholeTreeScope(out var db);
        (await db.MemberCards.AsNoTracking().AnyAsync(c => c.MemberId == added[0])).ShouldBeFalse("no card for a membership that has ended");
        (await db.CardStatusChanges.AsNoTracking().CountAsync(s => s.Reason == "批量发卡")).ShouldBeGreaterThanOrEqualTo(12);
    }

    [Fact]
    public async Task A_batch_refused_by_the_one_live_card_index_is_done_member_by_member_and_counted_once()
    {
        string unionCode;
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            unionCode = await db.OrgUnits.Where(o => o.Level == WorkersHome.Modules.Organizations.OrgLevel.Grassroots
                    && o.Code != TestWorld.ZhengzhouUnionCode && o.Code != TestWorld.LuoyangUnionCode)
                .OrderBy(o => o.Code).Select(o => o.Code).FirstAsync();
        }

        var memberId = (await AddMembersAsync(unionCode, 1, 800))[0];
        await using var work = fixture.Factory.WholeTreeScope(out var workDb);
        var member = (await work.ServiceProvider.GetRequiredService<WorkersHome.Modules.Members.Contracts.IMemberDirectory>().FindCheckedAsync(memberId))!;
        var path = (await TestWorld.FindUnitAsync(workDb, fixture.World.Org(unionCode))).Path;

        // The same member twice in one batch stands for a run that lost a race: the index refuses the whole batch.
        var issued = await work.ServiceProvider.GetRequiredService<IssueCardBatch>().ExecuteAsync([member, member], path, "test", "批量发卡", default);

        issued.Count.ShouldBe(1);
        (await workDb.MemberCards.AsNoTracking().CountAsync(c => c.MemberId == memberId)).ShouldBe(1);
        var figures = await FiguresAsync(unionCode);
        figures.Of(CardStatus.Active).ShouldBe(1, "the refused batch left no count behind");
        figures.WithoutCard.ShouldBe(0);
    }
}