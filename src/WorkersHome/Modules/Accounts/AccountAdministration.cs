using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Accounts;

public sealed record AccountView(Guid Id, string UserName, string DisplayName, long OrgId, string OrgName,
    IReadOnlyList<string> Roles, bool TwoFactorEnabled, bool IsDisabled, bool IsLockedOut, bool IdentityRegistered = false);

public sealed record NewAccount(string? UserName, string? DisplayName, long OrgId, string? Password, IReadOnlyList<string>? Roles);

/// <summary>
/// Accounts inside the cadre's subtree: a cadre can place accounts only at or below their own
/// node, and never hand out a role holding a permission they lack.
/// </summary>
public sealed class AccountAdministration(
    AppDbContext db, UserManager<CadreUser> users, IOrgDirectory orgs, CurrentCadre cadre,
    PermissionRegistry permissions, AuditTrail audit, Platform.Privacy.PersonalDataProtector protector, TimeProvider clock)
{
    public async Task<IReadOnlyList<AccountView>> ListAsync(string? search, int skip = 0, int take = 100, CancellationToken ct = default)
    {
        var query = from u in db.Users.AsNoTracking()
                    join o in orgs.ScopedOrgs() on u.OrgId equals o.Id
                    select new { u, o.Name, o.Path };
        if (!string.IsNullOrWhiteSpace(search))
        {
            query = query.Where(x => x.u.UserName!.Contains(search) || x.u.DisplayName.Contains(search) || x.Name.Contains(search));
        }

        var rows = await query.OrderBy(x => x.Path).ThenBy(x => x.u.UserName).Skip(skip).Take(take).ToListAsync(ct);
        var ids = rows.Select(r => r.u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return rows.Select(r => new AccountView(r.u.Id, r.u.UserName!, r.u.DisplayName, r.u.OrgId, r.Name,
            roles.Where(x => x.UserId == r.u.Id).Select(x => x.Name!).ToList(), r.u.TwoFactorEnabled, r.u.IsDisabled,
            r.u.LockoutEnd > now, r.u.PersonIdHash != null)).ToList();
    }

    public async Task<AccountView> GetAsync(Guid id, CancellationToken ct = default) =>
        (await ListByIdAsync(id, ct)) ?? throw new NotFoundException();

    public async Task<AccountView> CreateAsync(NewAccount request, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var roles = request.Roles?.Distinct().ToList() ?? [];
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            errors.Add(nameof(NewAccount.UserName), "请填写用户名", "Enter a user name");
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName))
        {
            errors.Add(nameof(NewAccount.DisplayName), "请填写姓名", "Enter the person's name");
        }

        var org = await orgs.FindInScopeAsync(request.OrgId, ct);
        if (org is null || !org.IsActive)
        {
            errors.Add(nameof(NewAccount.OrgId), "所属组织不存在或不在您的管辖范围内", "The organisation does not exist or is outside your part of the tree");
        }

        CheckRoles(errors, roles);
        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add(nameof(NewAccount.Password), "请设置初始密码", "Set an initial password");
        }

        errors.ThrowIfAny();
        var user = new CadreUser
        {
            Id = Guid.NewGuid(),
            UserName = request.UserName!.Trim(),
            DisplayName = request.DisplayName!.Trim(),
            OrgId = org!.Id,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, request.Password!);
        ThrowIfFailed(created, nameof(NewAccount.Password));
        ThrowIfFailed(await users.AddToRolesAsync(user, roles), nameof(NewAccount.Roles));
        await audit.RecordNowAsync(AuditActions.AccountCreated, "account", user.Id.ToString(), org.Path,
            new { user.UserName, org = org.Code, roles }, ct: ct);
        return await GetAsync(user.Id, ct);
    }

    public async Task<AccountView> SetRolesAsync(Guid id, IReadOnlyList<string> roles, CancellationToken ct = default)
    {
        var (user, path) = await FindUserAsync(id, ct);
        var errors = new FieldErrors();
        var wanted = roles.Distinct().ToList();
        var current = await users.GetRolesAsync(user);
        // Removing a role the cadre could not grant is as much beyond their authority as granting it.
        CheckRoles(errors, wanted.Except(current).Concat(current.Except(wanted)).ToList());
        if (user.Id == cadre.UserId)
        {
            errors.Add("Roles", "不能修改自己的角色", "You cannot change your own roles");
        }

        errors.ThrowIfAny();
        ThrowIfFailed(await users.RemoveFromRolesAsync(user, current.Except(wanted)), "Roles");
        ThrowIfFailed(await users.AddToRolesAsync(user, wanted.Except(current)), "Roles");
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordNowAsync(AuditActions.RolesChanged, "account", user.Id.ToString(), path,
            new { user.UserName, before = current, after = wanted }, ct: ct);
        return await GetAsync(id, ct);
    }

    public async Task<AccountView> SetDisabledAsync(Guid id, bool disabled, CancellationToken ct = default)
    {
        var (user, path) = await FindUserAsync(id, ct);
        if (user.Id == cadre.UserId)
        {
            throw new ConflictException(Loc.T("不能停用自己的账号", "You cannot disable your own account"));
        }

        user.IsDisabled = disabled;
        ThrowIfFailed(await users.UpdateAsync(user), "IsDisabled");
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordNowAsync(AuditActions.AccountChanged, "account", user.Id.ToString(), path,
            new { user.UserName, disabled }, ct: ct);
        return await GetAsync(id, ct);
    }

    public async Task<AccountView> ResetPasswordAsync(Guid id, string? newPassword, CancellationToken ct = default)
    {
        var (user, path) = await FindUserAsync(id, ct);
        if (string.IsNullOrEmpty(newPassword))
        {
            new FieldErrors().Add("Password", "请输入新密码", "Enter the new password").ThrowIfAny();
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        ThrowIfFailed(await users.ResetPasswordAsync(user, token, newPassword!), "Password");
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordNowAsync(AuditActions.AccountChanged, "account", user.Id.ToString(), path,
            new { user.UserName, passwordReset = true }, ct: ct);
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// Registers the cadre's own resident ID number (kept only as a blind index), so that approvals of money can tell
    /// when an application is the approver's own or their household's.
    /// </summary>
    public async Task<AccountView> SetIdentityAsync(Guid id, string? idNumber, CancellationToken ct = default)
    {
        var (user, path) = await FindUserAsync(id, ct);
        var (number, error) = Members.Contracts.ResidentIds.Check(idNumber, ChinaTime.DayOf(clock.GetUtcNow()));
        if (error is { } e)
        {
            new FieldErrors().Add("IdNumber", e.Zh, e.En).ThrowIfAny();
        }

        user.PersonIdHash = protector.BlindIndex(number!);
        ThrowIfFailed(await users.UpdateAsync(user), "IdNumber");
        await audit.RecordNowAsync(AuditActions.AccountChanged, "account", user.Id.ToString(), path, new { user.UserName, identityRegistered = true }, ct: ct);
        return await GetAsync(id, ct);
    }

    public IReadOnlyList<string> GrantableRoles() =>
        Roles.All.Where(r => permissions.CanGrant(cadre.Roles, r)).ToList();

    private void CheckRoles(FieldErrors errors, IReadOnlyList<string> roles)
    {
        foreach (var role in roles)
        {
            if (!Roles.All.Contains(role))
            {
                errors.Add("Roles", $"未知角色：{role}", $"Unknown role: {role}");
            }
            else if (!permissions.CanGrant(cadre.Roles, role))
            {
                errors.Add("Roles", $"您无权授予“{Roles.Label(role).Zh}”角色", $"You may not grant the role '{Roles.Label(role).En}'");
            }
        }
    }

    /// <summary>
    /// An account the cadre may change: inside their subtree, and holding no role the cadre could not
    /// grant (a union administrator must not reset a system administrator's password).
    /// </summary>
    private async Task<(CadreUser User, string Path)> FindUserAsync(Guid id, CancellationToken ct)
    {
        var row = await (from u in db.Users
                         join o in orgs.ScopedOrgs() on u.OrgId equals o.Id
                         where u.Id == id
                         select new { u, o.Path }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        var held = await users.GetRolesAsync(row.u);
        if (held.Any(role => !permissions.CanGrant(cadre.Roles, role)))
        {
            throw new ForbiddenException(Loc.T("该账号的权限高于您，无权修改", "This account holds more than you may grant; you cannot change it"));
        }

        return (row.u, row.Path);
    }

    private async Task<AccountView?> ListByIdAsync(Guid id, CancellationToken ct)
    {
        var row = await (from u in db.Users.AsNoTracking()
                         join o in orgs.ScopedOrgs() on u.OrgId equals o.Id
                         where u.Id == id
                         select new { u, o.Name }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == id
                           select r.Name!).ToListAsync(ct);
        return new AccountView(row.u.Id, row.u.UserName!, row.u.DisplayName, row.u.OrgId, row.Name, roles,
            row.u.TwoFactorEnabled, row.u.IsDisabled, row.u.LockoutEnd > clock.GetUtcNow(), row.u.PersonIdHash != null);
    }

    private static void ThrowIfFailed(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                [field] = result.Errors.Select(e => e.Description).ToArray(),
            });
        }
    }
}