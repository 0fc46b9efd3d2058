using WorkersHome.Modules.Rights;
using WorkersHome.Modules.Rights.Cases;

namespace WorkersHome.Tests.Modules.Rights;

/// <summary>The case state machine as a table: every step against every status, allowed or refused.</summary>
public sealed class CaseStateTableTests
{
    // Columns: Received, InProgress, Paused, Resolved, Closed.
    public static TheoryData<CaseStepKind, string> Table => new()
    {
        { CaseStepKind.Accepted, "x...." },
        { CaseStepKind.Transferred, "xx..." },
        { CaseStepKind.ActionRecorded, ".xx.." },
        { CaseStepKind.WagesRecovered, ".xxx." },
        { CaseStepKind.Paused, ".x..." },
        { CaseStepKind.Resumed, "..x.." },
        { CaseStepKind.Resolved, ".x..." },
        { CaseStepKind.AnsweredOnSpot, "xx..." },
        { CaseStepKind.Confirmed, "...x." },
        { CaseStepKind.CalledBack, "...xx" },
        { CaseStepKind.QualityChecked, "....x" },
        { CaseStepKind.MessageAdded, "xxxx." },
        { CaseStepKind.Filed, "....." },
        { CaseStepKind.Escalated, "....." },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_step_is_allowed_from_exactly_the_statuses_in_the_table(CaseStepKind step, string allowed)
    {
        var statuses = new[] { CaseStatus.Received, CaseStatus.InProgress, CaseStatus.Paused, CaseStatus.Resolved, CaseStatus.Closed };
        for (var i = 0; i < statuses.Length; i++)
        {
            RightsCase.Allows(statuses[i], step).ShouldBe(allowed[i] == 'x', $"{step} from {statuses[i]}");
        }
    }

    [Fact]
    public void The_table_covers_every_step_and_status()
    {
        Table.Select(row => (CaseStepKind)row[0]).ShouldBe(Enum.GetValues<CaseStepKind>(), ignoreOrder: true);
        Enum.GetValues<CaseStatus>().Length.ShouldBe(5);
    }

    [Theory]
    [InlineData(null, 0, CaseKind.Consultation, CaseComplexity.Simple)]
    [InlineData(null, 3, CaseKind.Complaint, CaseComplexity.Ordinary)]
    [InlineData(null, 10, CaseKind.Request, CaseComplexity.Complex)]
    [InlineData(CaseComplexity.Simple, 40, CaseKind.Complaint, CaseComplexity.Simple)]
    public void Complexity_follows_from_the_case_unless_chosen(CaseComplexity? chosen, int workers, CaseKind kind, CaseComplexity expected) =>
        CaseRules.ComplexityOf(new CaseInput { Complexity = chosen, WorkersAffected = workers, Kind = kind }).ShouldBe(expected);
}