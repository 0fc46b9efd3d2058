using System.Globalization;

using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Organizations.ManageUnions;
using WorkersHome.Platform.Errors;

namespace WorkersHome.Tests.Modules.Organizations;

public sealed class UnionInputTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static UnionInput Valid => new()
    {
        Name = "郑州宇辰机械有限公司工会委员会",
        UnionType = UnionType.Enterprise,
        EmployerName = "郑州宇辰机械有限公司",
        CreditCode = "91350100M000100Y43",
        FoundedOn = new DateOnly(2001, 5, 1),
        ContactPhone = "0371-65512351",
    };

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(UnionInput input)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        return Should.Throw<ValidationFailedException>(() => input.Validate(Today)).Errors;
    }

    [Fact]
    public void A_complete_enterprise_union_is_valid() => Should.NotThrow(() => Valid.Validate(Today));

    [Fact]
    public void Each_bad_field_is_named_with_a_Chinese_message()
    {
        var errors = ErrorsOf(Valid with { Name = " ", CreditCode = "91350100M000100Y44", FoundedOn = Today.AddDays(1), ContactPhone = "call me" });
        errors.Keys.ShouldBe(["Name", "CreditCode", "FoundedOn", "ContactPhone"], ignoreOrder: true);
        errors["CreditCode"].Single().ShouldBe("统一社会信用代码校验位不正确");
        errors["FoundedOn"].Single().ShouldBe("成立日期不能晚于今天");
    }

    [Fact]
    public void Employer_unions_need_employer_and_credit_code_but_gig_unions_do_not()
    {
        var errors = ErrorsOf(Valid with { EmployerName = null, CreditCode = null });
        errors.Keys.ShouldBe(["EmployerName", "CreditCode"], ignoreOrder: true);
        Should.NotThrow(() => (Valid with { UnionType = UnionType.GigWorkers, EmployerName = null, CreditCode = null }).Validate(Today));
    }

    [Fact]
    public void Messages_follow_the_UI_language()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        var errors = Should.Throw<ValidationFailedException>(() => (Valid with { UnionType = null }).Validate(Today)).Errors;
        errors["UnionType"].Single().ShouldBe("Choose the union type");
    }
}