using System.Diagnostics;
using System.Globalization;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Bench.Infrastructure;
using WorkersHome.Bench.Scenarios.Registry;
using WorkersHome.Bench.Scenarios.Tree;
using WorkersHome.Demo;
using WorkersHome.Modules.Assistance.Applications;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.SignIn;
using WorkersHome.Modules.Organizations;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Security;

namespace WorkersHome.Bench.Scenarios.Assistance;

/// <summary>A cadre account the run acts as: each scope gets it signed in as <see cref="DataScopeMiddleware"/> would.</summary>
internal sealed record BenchCadre(Guid Id, string UserName, long OrgId, string OrgPath, string OrgName, IReadOnlyList<string> Roles,
    IReadOnlySet<string> Permissions)
{
    /// <summary>What one request gets: its own scope and context, limited to the cadre's subtree, with the cadre signed in.</summary>
    public AsyncServiceScope Scope(IServiceProvider services)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AppDbContext>().RestrictToSubtree(OrgPath);
        scope.ServiceProvider.GetRequiredService<CurrentCadre>().SignIn(Id, UserName, "压测" + UserName, OrgId, OrgPath, OrgName, Roles, Permissions,
            mustEnrolTwoFactor: false);
        return scope;
    }
}

/// <summary>What the approval run needs: the program, who acts, and the applications waiting, all made by the product's desks.</summary>
internal sealed record ApprovalWorld(
    long ProgramId, BenchCadre ProgramOfficer, IReadOnlyList<BenchCadre> Approvers, IReadOnlyList<Guid> Applications, decimal Amount);

/// <summary>
/// Seeds an assistance program to approve: a province's tree and members (bulk, as the other scenarios do), assistance
/// officers' accounts with registered identities, then — through the product's own desks, as cadres would — the
/// program, its budgets passed down province → city → county, and one application per member filed by a clerk.
/// </summary>
internal static class ApprovalSeeder
{
    /// <summary>Every application asks this fixed amount, above the grassroots limit, so the county or higher approves.</summary>
    public const decimal Amount = 1_000m;

    private const int Filers = 8;

    public static async Task<ApprovalWorld> SeedAsync(IServiceProvider services, AppContexts contexts, string connectionString, int applications, int covered,
        int approvers, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        await NationalTreeSeeder.LoadAsync(contexts, NationalTreeSeeder.Divisions(1), 200, 2026, ct);
        var protector = services.GetRequiredService<PersonalDataProtector>();
        // Some of the seeded memberships have ended; enough are left to file for.
        var facts = await Step("members", () => MemberSeeder.LoadAsync(contexts, connectionString, protector, applications * 11 / 10 + 100, 2026, ct));

        await using var db = contexts.WholeTree();
        var province = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Level == OrgLevel.Province, ct);
        var counties = await db.OrgUnits.AsNoTracking().Where(o => o.Level == OrgLevel.County).ToDictionaryAsync(o => o.Path, StringComparer.Ordinal, ct);
        var cities = await db.OrgUnits.AsNoTracking().Where(o => o.Level == OrgLevel.City).ToListAsync(ct);
        // The approvers' union must cover every applicant: the province's only city (Beijing's), else the province.
        var approving = cities.Count == 1 ? cities[0] : province;

        var cadres = await Step("cadre accounts", () => CadresAsync(services, facts, province, approving, approvers, ct));
        var officer = cadres[0];
        var clerk = cadres[1];
        var approverCadres = cadres.Skip(2).ToList();

        var applicants = await db.Members.AsNoTracking()
            .Where(m => m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Retained).OrderBy(m => m.Id).Take(applications)
            .Select(m => new { m.Id, m.OrgPath, m.PhoneHash, m.PhoneMasked }).ToListAsync(ct);
        if (applicants.Count < applications)
        {
            throw new InvalidOperationException($"only {applicants.Count} current members to file for, {applications} needed");
        }

        // Members who use the phone app have a login: their approval queues a notice to them, as the product does.
        await Step("member logins", async () =>
        {
            var now = DateTimeOffset.UtcNow;
            await db.Database.OpenConnectionAsync(ct);
            await db.InsertManyAsync(applicants.Where(a => a.PhoneHash is not null)
                .Select(a => new MemberLogin { MemberId = a.Id, PhoneHash = a.PhoneHash!, PhoneMasked = a.PhoneMasked ?? "", LinkedAt = now }).ToList(), ct);
            await db.Database.CloseConnectionAsync();
        });

        var programId = await Step("program", () => CreateProgramAsync(services, officer, province, ct));
        var demand = applicants.GroupBy(a => CountyOf(a.OrgPath, counties)).ToDictionary(g => g.Key, g => g.Count());
        await Step("budgets", () => AllocateAsync(services, officer, programId, province, cities, demand, applications, covered, ct));

        var filed = await Step($"file {applications} applications ({Filers} clerks' requests at a time)",
            () => FileAsync(services, clerk, programId, applicants.Select(a => a.Id).ToList(), ct));
        // A live server's autovacuum would have analysed the freshly filled tables.
        await Step("vacuum analyze", () => db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)", ct));
        Console.WriteLine($"seed: total {total.Elapsed.TotalSeconds:F1} s");
        return new ApprovalWorld(programId, officer, approverCadres, filed, Amount);
    }

    /// <summary>The program officer (province), the clerk who files, then the approvers (all assistance officers with registered identities).</summary>
    private static async Task<List<BenchCadre>> CadresAsync(IServiceProvider services, MemberFacts facts, OrgUnit province, OrgUnit approving, int approvers,
        CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AppDbContext>().UseWholeTree();
        await DemoSeeder.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<CadreRole>>());
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        string[] roles = [Roles.AssistanceOfficer];
        var permissions = scope.ServiceProvider.GetRequiredService<PermissionRegistry>().PermissionsOf(roles);
        var taken = facts.IdNumbers.ToHashSet(StringComparer.Ordinal);
        var accounts = new List<(string Name, OrgUnit Org)> { ("bench.programs", province), ("bench.clerk", approving) };
        accounts.AddRange(Enumerable.Range(1, approvers).Select(i => ($"bench.approver{i:D2}", approving)));
        var result = new List<BenchCadre>();
        var sequence = 0;
        foreach (var (name, org) in accounts)
        {
            // The cadre's own ID number, never one of the members' (who would then be their own household).
            string idNumber;
            do
            {
                sequence++;
                idNumber = ResidentIdNumber.Compose("110101", new DateOnly(1970, 1, 1).AddDays(sequence * 97), sequence, Gender.Female);
            }
            while (!taken.Add(idNumber));

            ct.ThrowIfCancellationRequested();
            var user = new CadreUser
            {
                Id = Guid.NewGuid(),
                UserName = name,
                DisplayName = "压测" + name,
                OrgId = org.Id,
                CreatedAt = DateTimeOffset.UtcNow,
                PersonIdHash = protector.BlindIndex(idNumber),
            };
            Check(await users.CreateAsync(user), name);
            Check(await users.AddToRoleAsync(user, Roles.AssistanceOfficer), name);
            result.Add(new BenchCadre(user.Id, name, org.Id, org.Path, org.Name, roles, permissions));
        }

        return result;
    }

    private static async Task<long> CreateProgramAsync(IServiceProvider services, BenchCadre officer, OrgUnit province, CancellationToken ct)
    {
        await using var scope = officer.Scope(services);
        var year = ChinaTime.DayOf(DateTimeOffset.UtcNow).Year;
        // 送温暖 at a fixed amount for any current member; above 500 yuan the county (or a union above it) approves.
        var rules = new ProgramRules { FixedAmount = Amount, GrassrootsUpTo = 500 };
        var program = await scope.ServiceProvider.GetRequiredService<CreateProgram>()
            .ExecuteAsync(new NewProgram($"{year}年送温暖（压测）", ProgramType.LivingRelief, province.Id, year, null, null, rules), ct);
        return program.Id;
    }

    /// <summary>
    /// Budgets down the tree for exactly <paramref name="covered"/> applications: each county's share of them in proportion
    /// to the applications filed there (largest remainder, so never more than filed there), its city the sum of its
    /// counties, the province the whole; nothing is left above the counties.
    /// </summary>
    private static async Task AllocateAsync(IServiceProvider services, BenchCadre officer, long programId, OrgUnit province, List<OrgUnit> cities,
        Dictionary<OrgUnit, int> demand, int applications, int covered, CancellationToken ct)
    {
        var shares = demand.ToDictionary(d => d.Key, d => (long)d.Value * covered / applications);
        var left = covered - (int)shares.Values.Sum();
        foreach (var county in demand.Keys.OrderByDescending(c => (long)demand[c] * covered % applications).ThenBy(c => c.Path, StringComparer.Ordinal).Take(left))
        {
            shares[county]++;
        }

        var byCity = shares.Where(s => s.Value > 0)
            .GroupBy(s => cities.Single(c => s.Key.Path.StartsWith(c.Path, StringComparison.Ordinal)))
            .ToList();
        var allocations = new List<(OrgUnit Org, decimal Amount)> { (province, covered * Amount) };
        foreach (var city in byCity)
        {
            allocations.Add((city.Key, city.Sum(s => s.Value) * Amount));
            allocations.AddRange(city.OrderBy(s => s.Key.Path, StringComparer.Ordinal).Select(s => (s.Key, s.Value * Amount)));
        }

        foreach (var (org, amount) in allocations)
        {
            await using var scope = officer.Scope(services);
            await scope.ServiceProvider.GetRequiredService<AllocateBudget>().ExecuteAsync(programId, new BudgetAllocation(org.Id, amount, Guid.NewGuid()), ct);
        }

        Console.WriteLine($"seed: {allocations.Count} budgets for {covered} of {applications} applications, per county (covered/filed): " +
            string.Join(", ", shares.OrderBy(s => s.Key.Path, StringComparer.Ordinal).Select(s => $"{s.Key.Name} {s.Value}/{demand[s.Key]}")));
    }

    /// <summary>One application per member, each a clerk's request of its own; returns the ids in filing order.</summary>
    private static async Task<List<Guid>> FileAsync(IServiceProvider services, BenchCadre clerk, long programId, List<Guid> members, CancellationToken ct)
    {
        var ids = new Guid[members.Count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Filers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < members.Count)
            {
                await using var scope = clerk.Scope(services);
                // The member's own bank account, where the approved money is to be paid.
                var form = new ApplicationForm(programId, null, null, "生活困难，申请送温暖补助", null, Guid.NewGuid(), "中国工商银行",
                    string.Create(CultureInfo.InvariantCulture, $"62220200{i:D11}"));
                var application = (await scope.ServiceProvider.GetRequiredService<FileApplicationForMember>().ExecuteAsync(members[i], form, ct)).Application;
                if (application is not { Status: ApplicationStatus.Submitted, Version: 1, ApproversNeeded: 1 } || application.Amount != Amount)
                {
                    throw new InvalidOperationException($"application {application.Id} was filed as {application.Status} v{application.Version} for {application.Amount}");
                }

                ids[i] = application.Id;
            }
        }, ct)));
        return [.. ids];
    }

    private static OrgUnit CountyOf(string path, Dictionary<string, OrgUnit> counties) =>
        ProgramQueries.PathsUpTo(path).Select(p => counties.GetValueOrDefault(p)).LastOrDefault(c => c is not null)
        ?? throw new InvalidOperationException($"no county above {path}");

    private static void Check(IdentityResult result, string name)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{name}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    private static async Task<T> Step<T>(string name, Func<Task<T>> action)
    {
        var watch = Stopwatch.StartNew();
        var result = await action();
        Console.WriteLine($"seed: {name} {watch.Elapsed.TotalSeconds:F1} s");
        return result;
    }

    private static async Task Step(string name, Func<Task> action) => await Step(name, async () =>
    {
        await action();
        return 0;
    });
}