using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Cards;
using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Organizations.Seeding;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Demo;

public sealed record DemoLogin(string UserName, string Role, string Org, bool NeedsTwoFactor);

/// <summary>
/// Seeds an empty database with one real province (Henan, GB/T 2260) down to its townships,
/// synthetic grassroots unions and a cadre at each level.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, TreeLoader loader, UserManager<CadreUser> users, RoleManager<CadreRole> roles, TimeProvider clock,
    DemoMembers members, DemoMerchants merchants, DemoPrograms programs, DemoCases cases, Platform.Privacy.PersonalDataProtector protector)
{
    public const string ProvinceCode = "41";
    public const string Password = "WorkersHome2026";
    public const int GrassrootsUnions = 2_000;
    public const int Members = 100_000;

    // (user, role, org code, display name); grassroots accounts are placed on the first union of 林山寨街道.
    private static readonly (string User, string Role, string Org, string Name)[] Cadres =
    [
        ("admin", Roles.SystemAdministrator, "41", "系统管理员"),
        ("sheng.admin", Roles.UnionAdministrator, "41", "省总工会管理员"),
        ("sheng.audit", Roles.Auditor, "41", "省总工会审计员"),
        ("sheng.officer", Roles.MemberOfficer, "41", "省总工会会员部"),
        ("zhengzhou.admin", Roles.UnionAdministrator, "4101", "郑州市总工会管理员"),
        ("zhengzhou.officer", Roles.MemberOfficer, "4101", "郑州市总工会会员部"),
        ("luoyang.officer", Roles.MemberOfficer, "4103", "洛阳市总工会会员部"),
        ("zhongyuan.admin", Roles.UnionAdministrator, "410102", "中原区总工会管理员"),
        ("zhongyuan.officer", Roles.MemberOfficer, "410102", "中原区总工会会员部"),
        ("linshanzhai.officer", Roles.MemberOfficer, "410102001", "林山寨街道工会"),
        ("jiceng.officer", Roles.MemberOfficer, "grassroots", "基层工会会员工作人员"),
        ("zhengzhou.assist", Roles.AssistanceOfficer, "4101", "郑州市总工会帮扶中心"),
        ("zhongyuan.assist", Roles.AssistanceOfficer, "410102", "中原区总工会帮扶中心"),
        ("jiceng.assist", Roles.AssistanceOfficer, "grassroots", "基层工会帮扶工作人员"),
        ("zhengzhou.finance", Roles.FinanceOfficer, "4101", "郑州市总工会财务部"),
        ("zhengzhou.finance2", Roles.FinanceOfficer, "4101", "郑州市总工会财务部（复核）"),
        ("rexian.agent", Roles.HotlineAgent, "41", "省总工会 12351 热线坐席"),
        ("zhengzhou.rights", Roles.RightsOfficer, "4101", "郑州市总工会法律服务中心"),
        ("zhongyuan.rights", Roles.RightsOfficer, "410102", "中原区总工会维权中心"),
    ];

    public static IReadOnlyList<DemoLogin> Logins =>
        Cadres.Select(c => new DemoLogin(c.User, c.Role, c.Org, Roles.RequiresTwoFactor(c.Role))).ToList();

    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        db.UseWholeTree();
        if (await loader.AnyAsync(ct))
        {
            return false;
        }

        var divisions = DivisionCatalog.Load(ProvinceCode);
        var known = await loader.InsertAsync(TreeLoader.DivisionUnits(divisions, null), null, ct);
        var unions = new GrassrootsGenerator(seed: 2026).Generate(divisions, code => known[code].Path, GrassrootsUnions).ToList();
        // One union sits in 林山寨街道 for sure, so that the grassroots demo login has a home.
        var home = unions.First(u => u.UnionType == UnionType.Enterprise);
        home.Path = OrgUnit.ChildPath(known["410102001"].Path, home.Code);
        await loader.InsertAsync(unions, known, ct);
        await loader.RebuildRollupsAsync(ct);
        await members.SeedAsync(unions, Members, seed: 2026, ct);
        db.CardBenefits.AddRange(
            new Modules.Cards.CardBenefit { OrgPath = known[ProvinceCode].Path, Zh = "市内公交乘车 8 折", En = "City buses: 20% off", SortOrder = 1 },
            new Modules.Cards.CardBenefit { OrgPath = known[ProvinceCode].Path, Zh = "地铁乘车 95 折", En = "Metro: 5% off", SortOrder = 2 },
            new Modules.Cards.CardBenefit { OrgPath = known[ProvinceCode].Path, Zh = "普惠商户会员优惠（5%–20%）", En = "Partner merchants: member discounts (5–20%)", SortOrder = 3 });
        await db.SaveChangesAsync(ct);
        await merchants.SeedAsync(await db.OrgUnits.SingleAsync(o => o.Code == "4101", ct), Password, ct);
        await programs.SeedAsync(await db.OrgUnits.SingleAsync(o => o.Code == "4101", ct), await db.OrgUnits.SingleAsync(o => o.Code == "410102", ct), ct);
        await cases.SeedAsync(ct);
        await EnsureRolesAsync(roles);
        for (var i = 0; i < Cadres.Length; i++)
        {
            var (user, role, org, name) = Cadres[i];
            var orgId = org == "grassroots" ? known[home.Code].Id : known[org].Id;
            // Each demo cadre has a (synthetic) registered identity, so that the assistance officers can approve money.
            var idNumber = Modules.Members.ResidentIdNumber.Compose("410103", new DateOnly(1972, 3, 1).AddDays(i * 97), 700 + i, Modules.Members.Gender.Female);
            var account = new CadreUser
            {
                Id = Guid.NewGuid(),
                UserName = user,
                DisplayName = name,
                OrgId = orgId,
                CreatedAt = clock.GetUtcNow(),
                PersonIdHash = protector.BlindIndex(idNumber),
            };
            await users.CreateAsync(account, Password);
            await users.AddToRoleAsync(account, role);
        }

        return true;
    }

    public static async Task EnsureRolesAsync(RoleManager<CadreRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new CadreRole { Id = Guid.NewGuid(), Name = role });
            }
        }
    }

    /// <summary>The demo logins with the name of the org each belongs to.</summary>
    public async Task<IReadOnlyList<(DemoLogin Login, string OrgName)>> LoginsWithOrgsAsync(CancellationToken ct)
    {
        var names = Cadres.Select(c => c.User).ToList();
        var orgs = await (from u in db.Users
                          join o in db.OrgUnits.IgnoreQueryFilters() on u.OrgId equals o.Id
                          where names.Contains(u.UserName!)
                          select new { u.UserName, o.Name }).ToDictionaryAsync(x => x.UserName!, x => x.Name, ct);
        return Logins.Where(l => orgs.ContainsKey(l.UserName)).Select(l => (l, orgs[l.UserName])).ToList();
    }

    public Task<int> CountUnitsAsync(CancellationToken ct) => db.OrgUnits.IgnoreQueryFilters().CountAsync(ct);
}