using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Platform.Errors;

namespace WorkersHome.Tests.Modules.Assistance;

/// <summary>A hardship file's state table, without a database: every step from every status, allowed or refused.</summary>
public sealed class HardshipFileStateTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    /// <summary>The steps each status allows, and the status each step leaves the file in, as the archive's rules say.</summary>
    private static readonly Dictionary<(HardshipStatus From, HardshipStepKind Step), HardshipStatus> Allowed = new()
    {
        [(HardshipStatus.Submitted, HardshipStepKind.Checked)] = HardshipStatus.Submitted,
        [(HardshipStatus.Submitted, HardshipStepKind.Proposed)] = HardshipStatus.Proposed,
        [(HardshipStatus.Submitted, HardshipStepKind.Returned)] = HardshipStatus.Returned,
        [(HardshipStatus.Submitted, HardshipStepKind.Refiled)] = HardshipStatus.Submitted,
        [(HardshipStatus.Proposed, HardshipStepKind.Approved)] = HardshipStatus.Active,
        [(HardshipStatus.Proposed, HardshipStepKind.Returned)] = HardshipStatus.Returned,
        [(HardshipStatus.Returned, HardshipStepKind.Refiled)] = HardshipStatus.Submitted,
        [(HardshipStatus.Active, HardshipStepKind.Reverified)] = HardshipStatus.Active,
        [(HardshipStatus.Active, HardshipStepKind.Exited)] = HardshipStatus.Exited,
    };

    public static TheoryData<HardshipStatus, HardshipStepKind> EveryStepFromEveryStatus()
    {
        var data = new TheoryData<HardshipStatus, HardshipStepKind>();
        foreach (var status in Enum.GetValues<HardshipStatus>())
        {
            foreach (var step in Enum.GetValues<HardshipStepKind>().Where(s => s != HardshipStepKind.Filed))
            {
                data.Add(status, step);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStepFromEveryStatus))]
    public void A_step_is_taken_only_from_the_statuses_the_table_allows(HardshipStatus from, HardshipStepKind step)
    {
        var file = In(from);
        HardshipFile.Allows(from, step).ShouldBe(Allowed.ContainsKey((from, step)));
        if (Allowed.TryGetValue((from, step), out var to))
        {
            Take(file, step);
            file.Status.ShouldBe(to);
        }
        else
        {
            Should.Throw<ConflictException>(() => Take(file, step)).Message.ShouldContain("该档案已变化");
            file.Status.ShouldBe(from);
            Should.Throw<ConflictException>(() => file.EnsureCan(step, file.Version));
        }
    }

    [Fact]
    public void A_new_file_waits_for_the_unions_check()
    {
        var file = Opened();
        file.Status.ShouldBe(HardshipStatus.Submitted);
        file.ThreeChecksDone.ShouldBeFalse();
        file.IsOpen.ShouldBeTrue();
        file.Causes.ShouldBe(HardshipCause.Illness | HardshipCause.Disability);
        file.HouseholdSize.ShouldBe(3);
    }

    [Fact]
    public void A_file_is_not_proposed_before_all_three_checks_are_confirmed()
    {
        var file = Opened();
        file.Check(true, true, false, "jiceng");
        Should.Throw<ConflictException>(() => file.Propose("jiceng")).Message.ShouldContain("三清");
        file.Status.ShouldBe(HardshipStatus.Submitted);

        file.Check(true, true, true, "jiceng");
        file.Propose("jiceng");
        (file.Status, file.ProposedBy, file.CheckedBy).ShouldBe((HardshipStatus.Proposed, "jiceng", "jiceng"));
    }

    [Fact]
    public void Approval_sets_the_day_and_the_next_review()
    {
        var file = In(HardshipStatus.Proposed);
        file.Approve(Today, Today.AddMonths(12));
        (file.Status, file.ApprovedOn, file.ReviewDueOn).ShouldBe((HardshipStatus.Active, Today, Today.AddMonths(12)));

        file.Reverify(Today.AddMonths(24));
        file.ReviewDueOn.ShouldBe(Today.AddMonths(24));
        file.MarkReminded();
        file.RemindedFor.ShouldBe(Today.AddMonths(24));
    }

    [Fact]
    public void A_returned_file_loses_its_checks_and_its_proposal_and_a_refiled_one_its_checks()
    {
        var file = In(HardshipStatus.Proposed);
        file.Return();
        (file.Status, file.ThreeChecksDone, file.FamilyChecked, file.ProposedBy).ShouldBe((HardshipStatus.Returned, false, false, null));

        var waiting = In(HardshipStatus.Submitted);
        waiting.ThreeChecksDone.ShouldBeTrue();
        waiting.Refile();
        (waiting.Status, waiting.ThreeChecksDone).ShouldBe((HardshipStatus.Submitted, false));
    }

    [Fact]
    public void A_file_that_left_the_archive_is_closed()
    {
        var file = In(HardshipStatus.Active);
        file.Exit(Today);
        (file.Status, file.ExitedOn, file.IsOpen).ShouldBe((HardshipStatus.Exited, Today, false));
    }

    [Fact]
    public void A_step_on_a_stale_version_is_refused_even_where_the_status_allows_it()
    {
        var file = Opened();
        file.Stamp(0, null);
        file.Version.ShouldBe(1);
        Should.Throw<ConflictException>(() => file.EnsureCan(HardshipStepKind.Checked, 0));
        file.EnsureCan(HardshipStepKind.Checked, 1);
    }

    [Fact]
    public void Each_stamp_keeps_the_latest_reason_given()
    {
        var file = Opened();
        file.Stamp(0, "材料不全");
        file.Stamp(1, null);
        (file.Version, file.LastReason).ShouldBe((2, "材料不全"));
    }

    [Theory]
    [InlineData(HardshipStatus.Submitted, true)]
    [InlineData(HardshipStatus.Returned, true)]
    [InlineData(HardshipStatus.Active, true)]
    [InlineData(HardshipStatus.Proposed, false)]
    [InlineData(HardshipStatus.Exited, false)]
    public void The_household_is_described_again_only_while_the_file_may_be_corrected_or_reviewed(HardshipStatus status, bool allowed)
    {
        var file = In(status);
        void Describe() => file.Describe("new", HardshipCause.Disaster, HardshipCause.Disaster, HousingKind.Owned, 1);
        if (allowed)
        {
            Describe();
            (file.DetailsCipher, file.PrimaryCause, file.HouseholdSize).ShouldBe(("new", HardshipCause.Disaster, 1));
        }
        else
        {
            Should.Throw<ConflictException>(Describe);
            file.DetailsCipher.ShouldBe("sealed");
        }
    }

    [Fact]
    public void A_file_follows_its_member_to_another_union()
    {
        var file = Opened();
        file.MoveTo(42, "/41/4101/42/");
        (file.OrgId, file.OrgPath).ShouldBe((42L, "/41/4101/42/"));
    }

    private static HardshipFile Opened()
    {
        var file = HardshipFile.Open(Guid.NewGuid(), Guid.NewGuid(), "张三", "4101**********1234", 7, "/41/4101/7/", HardshipFile.ByMember, DateTimeOffset.UnixEpoch);
        file.Describe("sealed", HardshipCause.Illness | HardshipCause.Disability, HardshipCause.Illness, HousingKind.Rented, 3);
        return file;
    }

    /// <summary>A file brought to <paramref name="status"/> by the steps that lead there; one waiting for its check has all three checks made.</summary>
    private static HardshipFile In(HardshipStatus status)
    {
        var file = Opened();
        file.Check(true, true, true, "jiceng");
        switch (status)
        {
            case HardshipStatus.Returned:
                file.Return();
                break;
            case HardshipStatus.Proposed or HardshipStatus.Active or HardshipStatus.Exited:
                file.Propose("jiceng");
                if (status != HardshipStatus.Proposed)
                {
                    file.Approve(Today, Today.AddMonths(12));
                }

                if (status == HardshipStatus.Exited)
                {
                    file.Exit(Today);
                }

                break;
        }

        file.Status.ShouldBe(status);
        return file;
    }

    private static void Take(HardshipFile file, HardshipStepKind step)
    {
        switch (step)
        {
            case HardshipStepKind.Checked:
                file.Check(true, true, true, "jiceng");
                break;
            case HardshipStepKind.Proposed:
                file.Propose("jiceng");
                break;
            case HardshipStepKind.Approved:
                file.Approve(Today, Today.AddMonths(12));
                break;
            case HardshipStepKind.Returned:
                file.Return();
                break;
            case HardshipStepKind.Refiled:
                file.Refile();
                break;
            case HardshipStepKind.Reverified:
                file.Reverify(Today.AddMonths(12));
                break;
            case HardshipStepKind.Exited:
                file.Exit(Today);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step));
        }
    }
}