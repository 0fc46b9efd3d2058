using WorkersHome.Modules.Members;

namespace WorkersHome.Tests.Modules.Members;

public sealed class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory]
    [InlineData("11010519491231002X", 1949, 12, 31, Gender.Female)]
    [InlineData("110105194912310021", 0, 0, 0, null)]
    [InlineData("41010220080229003X", 2008, 2, 29, Gender.Male)]
    [InlineData("41010220070229003X", 0, 0, 0, null)]
    public void Reads_birth_date_and_gender_or_refuses(string id, int y, int m, int d, Gender? gender)
    {
        var (facts, error) = ResidentIdNumber.Parse(id, Today);
        if (gender is null)
        {
            facts.ShouldBeNull();
            error.ShouldNotBeNull();
            return;
        }

        error.ShouldBeNull(error?.Zh);
        facts!.BirthDate.ShouldBe(new DateOnly(y, m, d));
        facts.Gender.ShouldBe(gender.Value);
        facts.RegionCode.ShouldBe(id[..6]);
    }

    [Theory]
    [InlineData("410102850315123", "这是 15 位旧身份证号码，请填写 18 位居民身份证号码")]
    [InlineData("4101021985031512", "居民身份证号码应为 18 位")]
    [InlineData("41010219850315123Y", "居民身份证号码只能由数字和末位 X 组成")]
    [InlineData("410102198513151230", "居民身份证号码中的出生日期无效")]
    [InlineData("410102203003151230", "居民身份证号码中的出生日期无效")]
    public void Explains_what_is_wrong(string id, string message) =>
        ResidentIdNumber.Parse(id, Today).Error!.Value.Zh.ShouldBe(message);

    [Fact]
    public void A_wrong_check_character_is_named_as_such()
    {
        var valid = ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, Gender.Male);
        ResidentIdNumber.Parse(valid, Today).Error.ShouldBeNull();
        var wrong = valid[..17] + (valid[17] == '1' ? '2' : '1');
        ResidentIdNumber.Parse(wrong, Today).Error!.Value.Zh.ShouldBe("居民身份证号码校验位不正确");
    }

    [Fact]
    public void Lower_case_x_is_accepted() =>
        ResidentIdNumber.Parse("11010519491231002x", Today).Error.ShouldBeNull();
}