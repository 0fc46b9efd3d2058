using WorkersHome.Modules.Merchants;
using WorkersHome.Modules.Merchants.Till;

namespace WorkersHome.Tests.Modules.Merchants;

/// <summary>The till account's sign-in rules, without a database.</summary>
public sealed class MerchantStaffTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_fifth_failure_in_a_row_locks_the_account_for_fifteen_minutes_and_starts_the_count_again()
    {
        var staff = new MerchantStaff();
        for (var i = 1; i < TillAuthentication.MaxFailedSignIns; i++)
        {
            staff.RecordFailedSignIn(Now, TillAuthentication.MaxFailedSignIns, TillAuthentication.LockoutDuration);
            (staff.FailedSignIns, staff.MayTrySignInAt(Now)).ShouldBe((i, true));
        }

        staff.RecordFailedSignIn(Now, TillAuthentication.MaxFailedSignIns, TillAuthentication.LockoutDuration);

        (staff.FailedSignIns, staff.LockedUntil).ShouldBe((0, Now + TillAuthentication.LockoutDuration));
        staff.MayTrySignInAt(Now.AddMinutes(14)).ShouldBeFalse();
        staff.MayTrySignInAt(Now.AddMinutes(15)).ShouldBeTrue();
    }

    [Fact]
    public void A_successful_sign_in_clears_the_failures()
    {
        var staff = new MerchantStaff();
        staff.RecordFailedSignIn(Now, 5, TimeSpan.FromMinutes(15));
        staff.RecordFailedSignIn(Now, 5, TimeSpan.FromMinutes(15));

        staff.RecordSignIn();

        (staff.FailedSignIns, staff.LockedUntil).ShouldBe((0, null));
    }

    [Fact]
    public void A_withdrawn_offer_is_valid_on_no_day()
    {
        var offer = new Offer { ValidFrom = new DateOnly(2026, 1, 1), ValidTo = new DateOnly(2026, 12, 31) };
        offer.IsActive.ShouldBeTrue();

        offer.Withdraw();

        (offer.IsActive, offer.IsValidOn(new DateOnly(2026, 6, 1))).ShouldBe((false, false));
    }
}