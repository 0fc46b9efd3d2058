using WorkersHome.Modules.Cards;

namespace WorkersHome.Tests.Modules.Cards;

public sealed class CardNumberTests
{
    [Theory]
    [InlineData("7992739871", '3')] // the textbook Luhn example
    [InlineData("453201511283036", '6')]
    [InlineData("621786410000000000", '7')]
    public void The_check_digit_is_Luhn(string body, char expected) => CardNumber.CheckDigit(body).ShouldBe(expected);

    [Fact]
    public void A_composed_number_has_19_digits_the_prefix_and_a_valid_check()
    {
        var number = CardNumber.Compose("62178641", 123456789);
        number.Length.ShouldBe(19);
        number.ShouldStartWith("621786410123456789");
        CardNumber.IsValid(number).ShouldBeTrue();
        CardNumber.Grouped(number).ShouldBe(string.Join(' ', number[..4], number[4..8], number[8..12], number[12..16], number[16..]));
        CardNumber.Masked(number).ShouldBe(number[..6] + "*********" + number[^4..]);
    }

    [Fact]
    public void A_mistyped_digit_or_swapped_neighbours_are_caught()
    {
        var number = CardNumber.NewRandom("62178641");
        CardNumber.IsValid(number).ShouldBeTrue();
        for (var i = 0; i < number.Length; i++)
        {
            var wrong = number.ToCharArray();
            wrong[i] = (char)('0' + ((wrong[i] - '0' + 1) % 10));
            CardNumber.IsValid(new string(wrong)).ShouldBeFalse($"digit {i} changed");
        }

        var swapped = number.ToCharArray();
        var at = Enumerable.Range(0, 17).First(i => swapped[i] != swapped[i + 1] && Math.Abs(swapped[i] - swapped[i + 1]) != 9);
        (swapped[at], swapped[at + 1]) = (swapped[at + 1], swapped[at]);
        CardNumber.IsValid(new string(swapped)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("621786410123456789a")]
    [InlineData("62178641012345678")]
    [InlineData("62178641 0123456789")]
    public void Malformed_numbers_are_invalid(string? number) => CardNumber.IsValid(number).ShouldBeFalse();

    [Fact]
    public void A_prefix_must_be_four_to_ten_digits() =>
        Should.Throw<ArgumentException>(() => CardNumber.Compose("62A", 1));
}