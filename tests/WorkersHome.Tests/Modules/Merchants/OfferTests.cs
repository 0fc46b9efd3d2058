using WorkersHome.Modules.Merchants;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Tests.Modules.Merchants;

public sealed class OfferTests
{
    [Theory]
    [InlineData(DiscountKind.Percent, 10, 88.88, 8.89)]
    [InlineData(DiscountKind.Percent, 15, 100, 15)]
    [InlineData(DiscountKind.Amount, 30, 100, 30)]
    [InlineData(DiscountKind.Amount, 30, 20, 20)]
    public void The_discount_is_the_share_rounded_to_the_fen_or_the_amount_never_above_the_sale(DiscountKind kind, double value, double sale, double expected) =>
        new Offer { Kind = kind, Value = (decimal)value }.DiscountOn((decimal)sale).ShouldBe((decimal)expected);

    [Theory]
    [InlineData(UsageLimit.Unlimited, null)]
    [InlineData(UsageLimit.OncePerDay, "d:2026-11-24")]
    [InlineData(UsageLimit.OncePerMonth, "m:2026-11")]
    [InlineData(UsageLimit.OnceEver, "ever")]
    public void A_limited_offer_counts_per_period(UsageLimit limit, string? key) =>
        new Offer { Limit = limit }.UsageKey(new DateOnly(2026, 11, 24)).ShouldBe(key);

    [Fact]
    public void An_offer_applies_only_while_active_and_within_its_dates()
    {
        var offer = new Offer { ValidFrom = new DateOnly(2026, 1, 1), ValidTo = new DateOnly(2026, 12, 31) };
        offer.IsValidOn(new DateOnly(2026, 12, 31)).ShouldBeTrue();
        offer.IsValidOn(new DateOnly(2027, 1, 1)).ShouldBeFalse();
        offer.IsValidOn(new DateOnly(2025, 12, 31)).ShouldBeFalse();
        offer.Withdraw();
        offer.IsValidOn(new DateOnly(2026, 6, 1)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("王建国", "王*国")]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧**娜")]
    [InlineData("李", "李")]
    public void A_till_sees_a_masked_name(string name, string masked) => Mask.Name(name).ShouldBe(masked);
}