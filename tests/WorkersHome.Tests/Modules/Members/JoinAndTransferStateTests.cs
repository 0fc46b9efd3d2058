using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Join;
using WorkersHome.Modules.Members.Transfer;
using WorkersHome.Platform.Errors;

namespace WorkersHome.Tests.Modules.Members;

/// <summary>The state tables of a join application and of a transfer, without a database.</summary>
public sealed class JoinAndTransferStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 8, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(JoinStatus.Pending, JoinStatus.Approved, true)]
    [InlineData(JoinStatus.Pending, JoinStatus.Rejected, true)]
    [InlineData(JoinStatus.Pending, JoinStatus.Withdrawn, true)]
    [InlineData(JoinStatus.Approved, JoinStatus.Rejected, false)]
    [InlineData(JoinStatus.Rejected, JoinStatus.Approved, false)]
    [InlineData(JoinStatus.Withdrawn, JoinStatus.Approved, false)]
    [InlineData(JoinStatus.Approved, JoinStatus.Withdrawn, false)]
    public void A_join_application_is_decided_once(JoinStatus from, JoinStatus to, bool allowed) =>
        JoinApplication.CanMove(from, to).ShouldBe(allowed);

    [Fact]
    public void Approving_names_the_member_and_a_second_decision_or_a_stale_copy_is_refused()
    {
        var application = Pending();
        Should.Throw<ConflictException>(() => application.Approve(1, Guid.NewGuid(), "officer", Now)).Message.ShouldContain("刷新");

        var member = Guid.NewGuid();
        application.Approve(0, member, "officer", Now);
        (application.Status, application.MemberId, application.DecidedBy, application.Version).ShouldBe((JoinStatus.Approved, (Guid?)member, "officer", 1));
        Should.Throw<ConflictException>(() => application.Withdraw(1, Now));
        Should.Throw<ConflictException>(() => application.Reject(1, "重复", "officer", Now));
        application.Status.ShouldBe(JoinStatus.Approved);
    }

    [Fact]
    public void The_applicant_withdraws_a_waiting_application_under_their_masked_phone()
    {
        var application = Pending();
        application.Withdraw(0, Now);
        (application.Status, application.DecidedBy).ShouldBe((JoinStatus.Withdrawn, "138****0000"));
    }

    [Theory]
    [InlineData(TransferStatus.Requested, TransferStatus.Accepted, true)]
    [InlineData(TransferStatus.Requested, TransferStatus.Rejected, true)]
    [InlineData(TransferStatus.Requested, TransferStatus.Cancelled, true)]
    [InlineData(TransferStatus.Requested, TransferStatus.Completed, false)]
    [InlineData(TransferStatus.Accepted, TransferStatus.Completed, true)]
    [InlineData(TransferStatus.Accepted, TransferStatus.Cancelled, true)]
    [InlineData(TransferStatus.Accepted, TransferStatus.Rejected, false)]
    [InlineData(TransferStatus.Completed, TransferStatus.Cancelled, false)]
    [InlineData(TransferStatus.Rejected, TransferStatus.Accepted, false)]
    [InlineData(TransferStatus.Cancelled, TransferStatus.Accepted, false)]
    public void A_transfer_goes_only_where_the_table_allows(TransferStatus from, TransferStatus to, bool allowed) =>
        MemberTransfer.CanMove(from, to).ShouldBe(allowed);

    [Fact]
    public void A_transfer_is_accepted_then_completed_and_then_closed()
    {
        var transfer = Requested();
        Should.Throw<ConflictException>(() => transfer.Complete(0, "sender", Now), "the receiver has not accepted yet");

        transfer.Accept(0, Now);
        (transfer.Status, transfer.Version, transfer.AcceptedAt).ShouldBe((TransferStatus.Accepted, 1, (DateTimeOffset?)Now));
        transfer.Complete(1, "sender", Now.AddDays(1));
        (transfer.Status, transfer.ClosedBy, transfer.ClosedAt).ShouldBe((TransferStatus.Completed, "sender", (DateTimeOffset?)Now.AddDays(1)));
        Should.Throw<ConflictException>(() => transfer.Cancel(2, "member", Now));
    }

    [Fact]
    public void Refusing_needs_a_reason_and_clears_the_acceptance()
    {
        var transfer = Requested();
        Should.Throw<ValidationFailedException>(() => transfer.Refuse(0, "  ", "receiver", Now));
        transfer.Status.ShouldBe(TransferStatus.Requested, "a refusal without a reason changes nothing");

        transfer.Refuse(0, " 不属于本单位 ", "receiver", Now);
        (transfer.Status, transfer.Reason, transfer.AcceptedAt, transfer.ClosedBy).ShouldBe((TransferStatus.Rejected, "不属于本单位", (DateTimeOffset?)null, "receiver"));
    }

    private static JoinApplication Pending() =>
        JoinApplication.Submit(Guid.NewGuid(), new ApplicantPhone("hash", "138****0000", "cipher"), new JoinForm(), "张三", "idhash", "idcipher",
            "410***********0011", 5, "/CN/41/4101/", Now);

    private static MemberTransfer Requested() =>
        MemberTransfer.Request(Guid.NewGuid(), new Member { Id = Guid.NewGuid(), Name = "李四", IdMasked = "410***********0022", OrgId = 5, OrgPath = "/CN/41/4101/A/" },
            9, "/CN/41/4102/B/", "member", Now);
}