using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Security;

namespace WorkersHome.Tests.Platform;

/// <summary>Disabling and enabling a cadre account: one way at a time, and never one's own.</summary>
public sealed class CadreUserRulesTests
{
    private static readonly Guid Administrator = Guid.NewGuid();

    private static CadreUser Account() => new() { Id = Guid.NewGuid(), UserName = "zz.officer" };

    [Fact]
    public void An_enabled_account_is_disabled_and_enabled_again()
    {
        var account = Account();
        account.Disable(by: Administrator);
        account.IsDisabled.ShouldBeTrue();
        account.Enable(by: Administrator);
        account.IsDisabled.ShouldBeFalse();
    }

    [Fact]
    public void Disabling_a_disabled_account_or_enabling_an_enabled_one_is_refused_as_stale()
    {
        var account = Account();
        Should.Throw<ConflictException>(() => account.Enable(by: Administrator)).Message.ShouldContain("未停用");
        account.Disable(by: Administrator);
        Should.Throw<ConflictException>(() => account.Disable(by: Administrator)).Message.ShouldContain("已停用");
        account.IsDisabled.ShouldBeTrue();
    }

    [Fact]
    public void Nobody_disables_or_enables_their_own_account()
    {
        var account = Account();
        Should.Throw<ConflictException>(() => account.Disable(by: account.Id)).Message.ShouldContain("不能停用自己的账号");
        account.IsDisabled.ShouldBeFalse();
        account.Disable(by: Administrator);
        Should.Throw<ConflictException>(() => account.Enable(by: account.Id));
        account.IsDisabled.ShouldBeTrue();
    }
}