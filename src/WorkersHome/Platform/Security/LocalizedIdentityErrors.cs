using Microsoft.AspNetCore.Identity;

using WorkersHome.Platform.Localization;

namespace WorkersHome.Platform.Security;

public sealed class LocalizedIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = Loc.T($"用户名 {userName} 已被使用", $"User name {userName} is already taken") };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = Loc.T("用户名只能包含字母、数字和 . _ -", "User name may contain only letters, digits and . _ -") };

    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = Loc.T($"密码至少 {length} 位", $"Password must be at least {length} characters") };

    public override IdentityError PasswordRequiresDigit() =>
        new() { Code = nameof(PasswordRequiresDigit), Description = Loc.T("密码须包含数字", "Password must contain a digit") };

    public override IdentityError PasswordRequiresLower() =>
        new() { Code = nameof(PasswordRequiresLower), Description = Loc.T("密码须包含小写字母", "Password must contain a lower-case letter") };

    public override IdentityError PasswordRequiresUpper() =>
        new() { Code = nameof(PasswordRequiresUpper), Description = Loc.T("密码须包含大写字母", "Password must contain an upper-case letter") };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = Loc.T("数据已被他人修改，请刷新后重试", "Changed by someone else, reload and try again") };
}