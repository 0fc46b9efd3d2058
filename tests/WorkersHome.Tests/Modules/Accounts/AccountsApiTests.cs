using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Accounts;

public sealed class AccountsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HttpClient ZhengzhouAdmin => fixture.Factory.Api(fixture.World.User("zz.admin"));

    private object Account(string user, string orgCode, params string[] roles) =>
        new { UserName = user, DisplayName = "新干部", OrgId = fixture.World.Org(orgCode), Password = "Initial-Password-1", Roles = roles };

    [Fact]
    public async Task A_union_administrator_creates_accounts_inside_their_subtree()
    {
        var response = await ZhengzhouAdmin.PostAsJsonAsync("/api/accounts", Account("zz.county.officer", "410102", "MemberOfficer"));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        created.GetProperty("orgName").GetString().ShouldBe("中原区总工会");
        var list = await ZhengzhouAdmin.GetStringAsync("/api/accounts?search=zz.county");
        list.ShouldContain("zz.county.officer");
    }

    [Fact]
    public async Task Nobody_grants_a_role_beyond_their_own()
    {
        var sysadmin = await ZhengzhouAdmin.PostAsJsonAsync("/api/accounts", Account("zz.would.be.root", "4101", "SystemAdministrator"));
        sysadmin.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await sysadmin.Content.ReadAsStringAsync()).ShouldContain("您无权授予");
        var auditor = await ZhengzhouAdmin.PostAsJsonAsync("/api/accounts", Account("zz.would.be.auditor", "4101", "Auditor"));
        auditor.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Role_changes_take_effect_at_once_and_are_audited()
    {
        var created = await (await ZhengzhouAdmin.PostAsJsonAsync("/api/accounts", Account("zz.promoted", "4101", "MemberOfficer")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var response = await ZhengzhouAdmin.PutAsJsonAsync($"/api/accounts/{id}/roles", new { Roles = new[] { "MemberOfficer", "UnionAdministrator" } });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "account.roles-changed" && a.TargetId == id.ToString());
        entry.ActorName.ShouldBe("zz.admin");
        entry.Detail!.ShouldContain("UnionAdministrator");
    }

    [Fact]
    public async Task A_union_administrator_cannot_take_over_a_system_administrator_in_their_subtree()
    {
        var root = fixture.World.User("t.admin");
        var provinceAdmin = await (await fixture.Factory.Api(root).PostAsJsonAsync("/api/accounts", Account("province.union.admin", "41", "UnionAdministrator")))
            .Content.ReadFromJsonAsync<JsonElement>();
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "province.union.admin");
            user.TwoFactorEnabled = true;
            var token = WorkersHome.Platform.Security.ApiTokenAuthenticationHandler.NewToken();
            db.ApiTokens.Add(new WorkersHome.Platform.Security.ApiToken
            {
                UserId = user.Id,
                Name = "t",
                TokenHash = WorkersHome.Platform.Security.ApiTokenAuthenticationHandler.Hash(token),
                CreatedAt = DateTimeOffset.UtcNow,
                ExpiresAt = DateTimeOffset.UtcNow.AddDays(1),
            });
            await db.SaveChangesAsync();
            var client = fixture.Factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            var reset = await client.PutAsJsonAsync($"/api/accounts/{root.Id}/password", new { Password = "Taken-Over-Password-1" });
            reset.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            var disable = await client.PutAsJsonAsync($"/api/accounts/{root.Id}/disabled", new { Disabled = true });
            disable.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        provinceAdmin.GetProperty("userName").GetString().ShouldBe("province.union.admin");
    }

    [Fact]
    public async Task An_account_is_disabled_and_enabled_once_each_and_never_by_its_own_holder()
    {
        var created = await (await ZhengzhouAdmin.PostAsJsonAsync("/api/accounts", Account("zz.leaving", "4101", "MemberOfficer")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var disabled = await ZhengzhouAdmin.PutAsJsonAsync($"/api/accounts/{id}/disabled", new { Disabled = true });
        disabled.StatusCode.ShouldBe(HttpStatusCode.OK, await disabled.Content.ReadAsStringAsync());
        (await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isDisabled").GetBoolean().ShouldBeTrue();
        var again = await ZhengzhouAdmin.PutAsJsonAsync($"/api/accounts/{id}/disabled", new { Disabled = true });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var enabled = await ZhengzhouAdmin.PutAsJsonAsync($"/api/accounts/{id}/disabled", new { Disabled = false });
        (await enabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isDisabled").GetBoolean().ShouldBeFalse();

        var self = await ZhengzhouAdmin.PutAsJsonAsync($"/api/accounts/{fixture.World.User("zz.admin").Id}/disabled", new { Disabled = true });
        self.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await self.Content.ReadAsStringAsync()).ShouldContain("不能停用自己的账号");
    }

    [Fact]
    public async Task Weak_passwords_are_refused_in_Chinese()
    {
        var response = await ZhengzhouAdmin.PostAsJsonAsync("/api/accounts",
            new { UserName = "zz.weak", DisplayName = "弱密码", OrgId = fixture.World.Org("4101"), Password = "short1", Roles = new[] { "MemberOfficer" } });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("密码至少 10 位");
    }
}