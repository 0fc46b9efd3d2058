using Microsoft.AspNetCore.Identity;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Accounts.Administer;

public sealed record NewAccount(string? UserName, string? DisplayName, long OrgId, string? Password, IReadOnlyList<string>? Roles);

/// <summary>
/// A cadre opens an account at or below their own unit, with roles holding no permission they lack themselves.
/// </summary>
public sealed class CreateCadreAccount(
    UserManager<CadreUser> users, IOrgDirectory orgs, AccountSteps steps, AccountQueries queries, TimeProvider clock)
{
    public async Task<AccountView> ExecuteAsync(NewAccount request, CancellationToken ct)
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

        steps.CheckRoles(errors, roles);
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
        AccountSteps.ThrowIfFailed(await users.CreateAsync(user, request.Password!), nameof(NewAccount.Password));
        AccountSteps.ThrowIfFailed(await users.AddToRolesAsync(user, roles), nameof(NewAccount.Roles));
        await steps.AuditAsync(AuditActions.AccountCreated, new AdministeredAccount(user, org.Path),
            new { user.UserName, org = org.Code, roles }, ct);
        return await queries.GetAsync(user.Id, ct);
    }
}