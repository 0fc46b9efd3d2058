using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Demo;
using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Modules.Organizations.Seeding;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Testing;

public sealed record TestCadre(string UserName, string Role, string OrgCode, Guid Id, string? TotpKey, string ApiToken);

/// <summary>
/// A small real tree — Henan's 郑州 and 洛阳 down to townships, with synthetic grassroots unions —
/// and a cadre for each role, each with a known authenticator key and an API token.
/// </summary>
public sealed class TestWorld
{
    public const string Password = "Test-Password-2026";
    public const string ZhengzhouUnionCode = "J900000001";
    public const string LuoyangUnionCode = "J900000002";

    public static readonly (string User, string Role, string Org, bool TwoFactor)[] Cadres =
    [
        ("t.admin", Roles.SystemAdministrator, "41", true),
        ("zz.admin", Roles.UnionAdministrator, "4101", true),
        ("ly.admin", Roles.UnionAdministrator, "4103", true),
        ("zz.officer", Roles.MemberOfficer, "4101", false),
        ("ly.officer", Roles.MemberOfficer, "4103", false),
        ("auditor", Roles.Auditor, "41", false),
        ("zz.auditor", Roles.Auditor, "4101", false),
        ("new.admin", Roles.UnionAdministrator, "4101", false),
        ("zz.assist", Roles.AssistanceOfficer, "4101", false),
        ("zy.assist", Roles.AssistanceOfficer, "410102", false),
        ("zy2.assist", Roles.AssistanceOfficer, "410102", false),
        ("jc.assist", Roles.AssistanceOfficer, ZhengzhouUnionCode, false),
        ("ly.assist", Roles.AssistanceOfficer, "4103", false),
        ("zz.finance", Roles.FinanceOfficer, "4101", false),
        ("zz2.finance", Roles.FinanceOfficer, "4101", false),
        ("ly.finance", Roles.FinanceOfficer, "4103", false),
        ("agent", Roles.HotlineAgent, "41", false),
        ("zy.rights", Roles.RightsOfficer, "410102", false),
        ("zy2.rights", Roles.RightsOfficer, "410102", false),
        ("eq.rights", Roles.RightsOfficer, "410103", false),
        ("jc.rights", Roles.RightsOfficer, ZhengzhouUnionCode, false),
        ("ly.rights", Roles.RightsOfficer, "4103", false),
    ];

    public Dictionary<string, long> OrgIds { get; } = [];

    public Dictionary<string, TestCadre> Users { get; } = [];

    /// <summary>A member of each known union: Zhengzhou's 王建国 and Luoyang's 李秀英.</summary>
    public Guid ZhengzhouMember { get; private set; }

    public Guid LuoyangMember { get; private set; }



    public long Org(string code) => OrgIds[code];

    /// <summary>Each cadre's own (synthetic) resident ID number, registered on the account so that they may approve money.</summary>
    public static string CadreIdNumber(string user) =>
        WorkersHome.Modules.Members.ResidentIdNumber.Compose("410105", new DateOnly(1975, 1, 1).AddDays(Array.FindIndex(Cadres, c => c.User == user) * 11),
            500 + Array.FindIndex(Cadres, c => c.User == user), WorkersHome.Modules.Members.Gender.Male);

    public TestCadre User(string name) => Users[name];

    public static async Task<TestWorld> SeedAsync(AppFactory factory, int grassroots = 60)
    {
        var world = new TestWorld();
        await using var scope = factory.WholeTreeScope(out var db);
        var services = scope.ServiceProvider;
        var loader = services.GetRequiredService<TreeLoader>();
        var divisions = DivisionCatalog.Load("41")
            .Where(d => d.Code.Length == 2 || d.Code.StartsWith("4101", StringComparison.Ordinal) || d.Code.StartsWith("4103", StringComparison.Ordinal))
            .ToList();
        var known = await loader.InsertAsync(TreeLoader.DivisionUnits(divisions, null), null, CancellationToken.None);
        var unions = new GrassrootsGenerator(seed: 7).Generate(divisions, code => known[code].Path, grassroots).ToList();
        unions.Add(Union(ZhengzhouUnionCode, "郑州测试机械有限公司工会委员会", "郑州测试机械有限公司", known["410102001"].Path));
        unions.Add(Union(LuoyangUnionCode, "洛阳测试轴承有限公司工会委员会", "洛阳测试轴承有限公司", known[divisions.First(d => d.Code.StartsWith("4103", StringComparison.Ordinal) && d.Level == OrgLevel.Township).Code].Path));
        known = await loader.InsertAsync(unions, known, CancellationToken.None);
        await loader.RebuildRollupsAsync(CancellationToken.None);
        foreach (var (code, node) in known)
        {
            world.OrgIds[code] = node.Id;
        }

        await DemoSeeder.EnsureRolesAsync(services.GetRequiredService<RoleManager<CadreRole>>());
        var users = services.GetRequiredService<UserManager<CadreUser>>();
        foreach (var (name, role, org, twoFactor) in Cadres)
        {
            var user = new CadreUser
            {
                Id = Guid.NewGuid(),
                UserName = name,
                DisplayName = "测试" + name,
                OrgId = world.Org(org),
                CreatedAt = DateTimeOffset.UtcNow,
                PersonIdHash = services.GetRequiredService<WorkersHome.Platform.Privacy.PersonalDataProtector>().BlindIndex(CadreIdNumber(name)),
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
            string? key = null;
            if (twoFactor)
            {
                Check(await users.ResetAuthenticatorKeyAsync(user));
                key = await users.GetAuthenticatorKeyAsync(user);
                Check(await users.SetTwoFactorEnabledAsync(user, true));
            }

            var token = ApiTokenAuthenticationHandler.NewToken();
            db.ApiTokens.Add(new ApiToken
            {
                UserId = user.Id,
                Name = "test",
                TokenHash = ApiTokenAuthenticationHandler.Hash(token),
                CreatedAt = DateTimeOffset.UtcNow,
                ExpiresAt = DateTimeOffset.UtcNow.AddDays(1),
            });
            world.Users[name] = new TestCadre(name, role, org, user.Id, key, token);
        }

        await db.SaveChangesAsync();
        var register = services.GetRequiredService<WorkersHome.Modules.Members.Register.RegisterMember>();
        world.ZhengzhouMember = (await register.ExecuteAsync(Member(world.Org(ZhengzhouUnionCode), "王建国",
            WorkersHome.Modules.Members.ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, WorkersHome.Modules.Members.Gender.Male)))).Id;
        world.LuoyangMember = (await register.ExecuteAsync(Member(world.Org(LuoyangUnionCode), "李秀英",
            WorkersHome.Modules.Members.ResidentIdNumber.Compose("410302", new DateOnly(1990, 8, 1), 45, WorkersHome.Modules.Members.Gender.Female)))).Id;
        return world;
    }

    public static async Task<OrgUnit> FindUnitAsync(AppDbContext db, long id) =>
        await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().SingleAsync(o => o.Id == id);

    /// <summary>A distinct person's name for a test's n-th member: names hold no digits, so n is written in Chinese numerals (走访一二).</summary>
    public static string PersonName(string prefix, int n) =>
        prefix + string.Concat(n.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(d => "〇一二三四五六七八九"[d - '0']));

    public static WorkersHome.Modules.Members.Register.MemberInput Member(long orgId, string name, string idNumber) => new()
    {
        OrgId = orgId,
        Name = name,
        Ethnicity = "01",
        IdNumber = idNumber,
        Phone = "139" + idNumber[^8..].Replace('X', '0'),
        EmploymentForm = WorkersHome.Modules.Members.EmploymentForm.FullTime,
        JoinedOn = new DateOnly(2015, 6, 1),
    };

    private static OrgUnit Union(string code, string name, string employer, string parentPath) => new()
    {
        Code = code,
        Name = name,
        EmployerName = employer,
        UnionType = UnionType.Enterprise,
        Level = OrgLevel.Grassroots,
        Path = OrgUnit.ChildPath(parentPath, code),
        CreditCode = CreditCode.WithCheck("91410100" + code[1..]),
    };

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}