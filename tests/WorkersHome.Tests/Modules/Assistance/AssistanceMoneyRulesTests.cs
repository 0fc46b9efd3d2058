using WorkersHome.Modules.Assistance.Applications;
using WorkersHome.Modules.Assistance.Disbursement;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Platform.Errors;

namespace WorkersHome.Tests.Modules.Assistance;

/// <summary>
/// The state tables of assistance money, without a database: where an application, a payment, a batch and a program may
/// go from each status, every allowed move made through the entity, and refused ones answered as conflicts (409).
/// </summary>
public sealed class AssistanceMoneyRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);

    private static AssistanceApplication Application(int approvers = 1) => new() { Amount = 800, ApproversNeeded = approvers, Version = 1 };

    private static AssistanceApplication FirstApproved()
    {
        var application = Application(2);
        application.ApproveFirst("approver.one");
        return application;
    }

    private static AssistanceApplication In(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => Application(),
        ApplicationStatus.FirstApproved => FirstApproved(),
        ApplicationStatus.Approved => Moved(Application(), a => a.Approve(7, At)),
        ApplicationStatus.Rejected => Moved(Application(), a => a.Reject(At)),
        _ => Moved(Application(), a => a.Withdraw(At)),
    };

    private static AssistanceApplication Moved(AssistanceApplication application, Action<AssistanceApplication> move)
    {
        move(application);
        return application;
    }

    private static void Move(AssistanceApplication application, ApplicationStatus to)
    {
        switch (to)
        {
            case ApplicationStatus.FirstApproved:
                application.ApproveFirst("approver.one");
                break;
            case ApplicationStatus.Approved:
                application.Approve(7, At);
                break;
            case ApplicationStatus.Rejected:
                application.Reject(At);
                break;
            case ApplicationStatus.Withdrawn:
                application.Withdraw(At);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(to));
        }
    }

    public static TheoryData<ApplicationStatus, ApplicationStatus, bool> ApplicationMoves()
    {
        var allowed = new HashSet<(ApplicationStatus, ApplicationStatus)>
        {
            (ApplicationStatus.Submitted, ApplicationStatus.FirstApproved),
            (ApplicationStatus.Submitted, ApplicationStatus.Approved),
            (ApplicationStatus.Submitted, ApplicationStatus.Rejected),
            (ApplicationStatus.Submitted, ApplicationStatus.Withdrawn),
            (ApplicationStatus.FirstApproved, ApplicationStatus.Approved),
            (ApplicationStatus.FirstApproved, ApplicationStatus.Rejected),
            (ApplicationStatus.FirstApproved, ApplicationStatus.Withdrawn),
        };
        var data = new TheoryData<ApplicationStatus, ApplicationStatus, bool>();
        foreach (var from in Enum.GetValues<ApplicationStatus>())
        {
            foreach (var to in Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Submitted))
            {
                data.Add(from, to, allowed.Contains((from, to)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ApplicationMoves))]
    public void An_application_moves_only_as_its_table_allows(ApplicationStatus from, ApplicationStatus to, bool allowed)
    {
        AssistanceApplication.CanMove(from, to).ShouldBe(allowed);
        var application = In(from);
        if (allowed)
        {
            Move(application, to);
            application.Status.ShouldBe(to);
        }
        else
        {
            var refused = Should.Throw<ConflictException>(() => Move(application, to));
            refused.Message.ShouldContain(AssistanceApplication.StatusLabel(from).ToString());
            application.Status.ShouldBe(from);
        }
    }

    [Fact]
    public void A_decision_keeps_who_when_and_the_budget_it_holds()
    {
        var application = FirstApproved();
        application.FirstApprover.ShouldBe("approver.one");
        application.AwaitsFirstOfTwo.ShouldBeFalse();
        application.Approve(42, At);
        (application.BudgetId, application.DecidedAt).ShouldBe((42L, At));

        var rejected = Application();
        rejected.Reject(At);
        (rejected.DecidedAt, rejected.BudgetId).ShouldBe((At, null));
    }

    [Fact]
    public void Two_approvers_are_asked_for_only_while_none_has_approved()
    {
        Application(2).AwaitsFirstOfTwo.ShouldBeTrue();
        Application(1).AwaitsFirstOfTwo.ShouldBeFalse();
    }

    [Fact]
    public void A_stale_version_or_a_decided_application_is_refused_before_anything_changes()
    {
        var waiting = Application();
        waiting.Expect(1);
        Should.Throw<ConflictException>(() => waiting.Expect(2));

        var withdrawn = In(ApplicationStatus.Withdrawn);
        Should.Throw<ConflictException>(() => withdrawn.Expect(withdrawn.Version)).Message.ShouldContain(AssistanceApplication.StatusLabel(ApplicationStatus.Withdrawn).ToString());
    }

    [Fact]
    public void A_new_application_waits_and_a_new_payment_waits_for_a_batch_as_its_first_attempt()
    {
        Application().Status.ShouldBe(ApplicationStatus.Submitted);
        var payment = new Payment();
        (payment.Status, payment.Attempt, payment.BatchId).ShouldBe((PaymentStatus.Pending, 1, null));
        new PaymentBatch().Status.ShouldBe(BatchStatus.Draft);
        new AssistanceProgram().Status.ShouldBe(ProgramStatus.Open);
    }

    /// <summary>docs/adr/0009: Pending → InBatch → Sent → Paid | Failed, Reversed from Sent or Paid, Cancelled from Pending, Failed or Reversed; retry from Failed or Reversed.</summary>
    public static TheoryData<PaymentStatus, PaymentStatus, bool> PaymentMoves()
    {
        var allowed = new HashSet<(PaymentStatus, PaymentStatus)>
        {
            (PaymentStatus.Pending, PaymentStatus.InBatch),
            (PaymentStatus.InBatch, PaymentStatus.Sent),
            (PaymentStatus.Sent, PaymentStatus.Paid),
            (PaymentStatus.Sent, PaymentStatus.Failed),
            (PaymentStatus.Sent, PaymentStatus.Reversed),
            (PaymentStatus.Paid, PaymentStatus.Reversed),
            (PaymentStatus.Pending, PaymentStatus.Cancelled),
            (PaymentStatus.Failed, PaymentStatus.Cancelled),
            (PaymentStatus.Reversed, PaymentStatus.Cancelled),
            (PaymentStatus.Failed, PaymentStatus.Pending),
            (PaymentStatus.Reversed, PaymentStatus.Pending),
        };
        var data = new TheoryData<PaymentStatus, PaymentStatus, bool>();
        foreach (var from in Enum.GetValues<PaymentStatus>())
        {
            foreach (var to in Enum.GetValues<PaymentStatus>())
            {
                data.Add(from, to, allowed.Contains((from, to)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PaymentMoves))]
    public void A_payment_moves_only_as_its_table_allows(PaymentStatus from, PaymentStatus to, bool allowed) =>
        Payment.CanMove(from, to).ShouldBe(allowed);

    [Fact]
    public void The_conditional_updates_take_payments_only_from_the_statuses_the_table_names()
    {
        Payment.MovableTo(PaymentStatus.Reversed).ShouldBe([PaymentStatus.Sent, PaymentStatus.Paid]);
        Payment.MovableTo(PaymentStatus.Pending).ShouldBe([PaymentStatus.Failed, PaymentStatus.Reversed]);
        Payment.MovableTo(PaymentStatus.Cancelled).ShouldBe([PaymentStatus.Pending, PaymentStatus.Failed, PaymentStatus.Reversed]);
        Payment.MovableTo(PaymentStatus.Sent).ShouldBe([PaymentStatus.InBatch]);
    }

    [Fact]
    public void A_move_that_did_not_happen_is_fine_when_a_twin_made_it_and_refused_naming_the_status_otherwise()
    {
        Payment.EnsureAlready(PaymentStatus.Reversed, PaymentStatus.Reversed, new("只有已发送银行或已到账的款项可以冲正", "Only a payment sent or paid can be reversed"));
        var refused = Should.Throw<ConflictException>(() =>
            Payment.EnsureAlready(PaymentStatus.Pending, PaymentStatus.Reversed, new("只有已发送银行或已到账的款项可以冲正", "Only a payment sent or paid can be reversed")));
        refused.Message.ShouldContain(Payment.StatusLabel(PaymentStatus.Pending).ToString());
    }

    public static TheoryData<BatchStatus, BatchStatus, bool> BatchMoves()
    {
        var allowed = new HashSet<(BatchStatus, BatchStatus)>
        {
            (BatchStatus.Draft, BatchStatus.Confirmed),
            (BatchStatus.Confirmed, BatchStatus.Sent),
            (BatchStatus.Sent, BatchStatus.ResultsImported),
            (BatchStatus.ResultsImported, BatchStatus.ResultsImported),
        };
        var data = new TheoryData<BatchStatus, BatchStatus, bool>();
        foreach (var from in Enum.GetValues<BatchStatus>())
        {
            foreach (var to in Enum.GetValues<BatchStatus>())
            {
                data.Add(from, to, allowed.Contains((from, to)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BatchMoves))]
    public void A_batch_moves_only_as_its_table_allows(BatchStatus from, BatchStatus to, bool allowed) => PaymentBatch.CanMove(from, to).ShouldBe(allowed);

    [Fact]
    public void Finance_confirms_a_draft_once_naming_who_and_when()
    {
        var batch = new PaymentBatch { CreatedBy = "zz.finance", Version = 1 };
        batch.MaySend.ShouldBeFalse();
        batch.TakesResults.ShouldBeFalse();
        batch.Confirm("zz2.finance", At);
        (batch.Status, batch.ConfirmedBy, batch.ConfirmedAt, batch.Version).ShouldBe((BatchStatus.Confirmed, "zz2.finance", (DateTimeOffset?)At, 2));
        batch.MaySend.ShouldBeTrue();
        batch.TakesResults.ShouldBeFalse();
        Should.Throw<ConflictException>(() => batch.Confirm("zz3.finance", At));
        batch.ConfirmedBy.ShouldBe("zz2.finance");
    }

    [Fact]
    public void A_program_is_opened_and_closed_and_asking_for_its_status_again_changes_nothing()
    {
        AssistanceProgram.CanMove(ProgramStatus.Open, ProgramStatus.Closed).ShouldBeTrue();
        AssistanceProgram.CanMove(ProgramStatus.Closed, ProgramStatus.Open).ShouldBeTrue();
        var program = new AssistanceProgram();
        program.ChangeStatus(ProgramStatus.Closed);
        program.Status.ShouldBe(ProgramStatus.Closed);
        program.ChangeStatus(ProgramStatus.Closed);
        program.Status.ShouldBe(ProgramStatus.Closed);
        program.ChangeStatus(ProgramStatus.Open);
        program.Status.ShouldBe(ProgramStatus.Open);
        Should.Throw<ConflictException>(() => program.ChangeStatus((ProgramStatus)9));
        program.Status.ShouldBe(ProgramStatus.Open);
    }

    [Fact]
    public void Each_rules_change_is_the_next_version_number()
    {
        var program = new AssistanceProgram();
        program.RulesVersion.ShouldBe(1);
        program.NextRulesVersion().ShouldBe(2);
        program.NextRulesVersion().ShouldBe(3);
        program.RulesVersion.ShouldBe(3);
    }
}