using Microsoft.AspNetCore.Identity;

using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Platform.Security;

/// <summary>A cadre's account: belongs to exactly one org node and holds roles.</summary>
public sealed class CadreUser : IdentityUser<Guid>
{
    public long OrgId { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>A disabled account cannot sign in; only <see cref="Disable"/> and <see cref="Enable"/> change it.</summary>
    public bool IsDisabled { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The blind index of the cadre's own resident ID number, when registered: approvals of money compare it with an
    /// application's household, so that nobody approves their own or a relative's application.
    /// </summary>
    public string? PersonIdHash { get; set; }

    /// <summary>Turns the account's sign-in off, on behalf of the account <paramref name="by"/>.</summary>
    public void Disable(Guid by) => ChangeDisabled(disabled: true, by);

    /// <summary>Lets a disabled account sign in again, on behalf of the account <paramref name="by"/>.</summary>
    public void Enable(Guid by) => ChangeDisabled(disabled: false, by);

    /// <summary>
    /// Enabled ⇄ disabled, and only that way round: a second click on the same button is stale, not a change. Nobody does
    /// it to their own account: a cadre who disabled themselves could not undo it.
    /// </summary>
    private void ChangeDisabled(bool disabled, Guid by)
    {
        if (by == Id)
        {
            throw new ConflictException(disabled
                ? Loc.T("不能停用自己的账号", "You cannot disable your own account")
                : Loc.T("不能启用自己的账号", "You cannot enable your own account"));
        }

        if (IsDisabled == disabled)
        {
            throw new ConflictException(disabled
                ? Loc.T("该账号已停用，请刷新后查看", "The account is already disabled; reload it")
                : Loc.T("该账号未停用，请刷新后查看", "The account is not disabled; reload it"));
        }

        IsDisabled = disabled;
    }
}

public sealed class CadreRole : IdentityRole<Guid>
{
}