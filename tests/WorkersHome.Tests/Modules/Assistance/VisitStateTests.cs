using WorkersHome.Modules.Assistance.Visits;
using WorkersHome.Platform.Errors;

namespace WorkersHome.Tests.Modules.Assistance;

/// <summary>A visit's state table, without a database: planned, then visited, and its record corrected.</summary>
public sealed class VisitStateTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    [Theory]
    [InlineData(VisitStatus.Planned, VisitStatus.Visited, true)]
    [InlineData(VisitStatus.Visited, VisitStatus.Visited, true)]
    [InlineData(VisitStatus.Visited, VisitStatus.Planned, false)]
    [InlineData(VisitStatus.Planned, VisitStatus.Planned, false)]
    public void A_visit_goes_only_where_the_table_allows(VisitStatus from, VisitStatus to, bool allowed) =>
        Visit.Allows(from, to).ShouldBe(allowed);

    [Fact]
    public void A_planned_visit_is_recorded_and_its_record_may_be_corrected()
    {
        var visit = Planned();
        (visit.Status, visit.Version, visit.VisitedOn).ShouldBe((VisitStatus.Planned, 0, null));

        visit.Record(0, Today, "王主席", "米面油", 500m, null, "jiceng");
        (visit.Status, visit.Version, visit.VisitedOn, visit.Visitors, visit.GivenAmount, visit.RecordedBy)
            .ShouldBe((VisitStatus.Visited, 1, Today, "王主席", 500m, "jiceng"));

        visit.Record(1, Today.AddDays(-1), "王主席、李委员", "米面油", 600m, "补记", "county");
        (visit.Status, visit.Version, visit.VisitedOn, visit.GivenAmount, visit.Notes).ShouldBe((VisitStatus.Visited, 2, Today.AddDays(-1), 600m, "补记"));
    }

    [Fact]
    public void A_record_made_on_a_stale_version_is_refused()
    {
        var visit = Planned();
        visit.Record(0, Today, "王主席", null, null, null, "jiceng");
        Should.Throw<ConflictException>(() => visit.EnsureCurrent(0)).Message.ShouldContain("走访记录已被他人修改");
        visit.EnsureCurrent(1);
    }

    private static Visit Planned() =>
        Visit.Plan(Guid.NewGuid(), "2027 元旦春节送温暖", Guid.NewGuid(), "张三", 7, "/41/4101/7/", VisitGroup.Hardship, Today.AddDays(30), "county");
}