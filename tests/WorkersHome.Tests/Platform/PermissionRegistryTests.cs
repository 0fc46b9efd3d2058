using WorkersHome.Modules.Accounts;
using WorkersHome.Modules.Organizations;
using WorkersHome.Platform.Security;

namespace WorkersHome.Tests.Platform;

public sealed class PermissionRegistryTests
{
    private static PermissionRegistry Registry()
    {
        var registry = new PermissionRegistry();
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddOrganizations(registry).AddAccounts(registry);
        return registry;
    }

    [Theory]
    [InlineData(Roles.SystemAdministrator, Roles.SystemAdministrator, true)]
    [InlineData(Roles.SystemAdministrator, Roles.Auditor, true)]
    [InlineData(Roles.UnionAdministrator, Roles.SystemAdministrator, false)]
    [InlineData(Roles.UnionAdministrator, Roles.UnionAdministrator, true)]
    [InlineData(Roles.UnionAdministrator, Roles.MemberOfficer, true)]
    [InlineData(Roles.UnionAdministrator, Roles.Auditor, false)]
    [InlineData(Roles.MemberOfficer, Roles.UnionAdministrator, false)]
    [InlineData(Roles.MemberOfficer, Roles.Auditor, false)]
    public void Nobody_grants_more_than_they_hold(string granter, string role, bool allowed) =>
        Registry().CanGrant([granter], role).ShouldBe(allowed);

    [Fact]
    public void Modules_declare_who_holds_their_permissions()
    {
        var registry = Registry();
        registry.PermissionsOf([Roles.Auditor]).ShouldBe([OrgPermissions.View, AccountPermissions.ReadAudit], ignoreOrder: true);
        registry.PermissionsOf([Roles.MemberOfficer]).ShouldNotContain(OrgPermissions.Manage);
        registry.PermissionsOf([Roles.SystemAdministrator]).ShouldNotContain(AccountPermissions.ReadAudit);
    }

    [Fact]
    public void Only_administrator_roles_require_a_second_factor()
    {
        Roles.All.Where(Roles.RequiresTwoFactor).ShouldBe([Roles.SystemAdministrator, Roles.UnionAdministrator], ignoreOrder: true);
    }
}