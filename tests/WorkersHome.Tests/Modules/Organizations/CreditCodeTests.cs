using WorkersHome.Modules.Organizations;

using WorkersHome.Modules.Organizations.Contracts;

namespace WorkersHome.Tests.Modules.Organizations;

public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000100005220B")]
    public void Published_codes_pass(string code) => CreditCode.IsValid(code).ShouldBeTrue();

    [Theory]
    [InlineData("91350100M000100Y44", "wrong check character")]
    [InlineData("91350100M000100Y4", "17 characters")]
    [InlineData("91350100M000100Y433", "19 characters")]
    [InlineData("91350100I000100Y43", "I is not in the alphabet")]
    [InlineData("91350100m000100Y43", "lower case")]
    [InlineData("", "empty")]
    public void Malformed_codes_fail(string code, string why) => CreditCode.IsValid(code).ShouldBeFalse(why);

    [Fact]
    public void WithCheck_completes_a_code_that_validates()
    {
        var code = CreditCode.WithCheck("91410100ABCDEFGHJ");
        code.Length.ShouldBe(18);
        CreditCode.IsValid(code).ShouldBeTrue();
        CreditCode.IsValid(code[..17] + (code[17] == '0' ? '1' : '0')).ShouldBeFalse();
    }
}