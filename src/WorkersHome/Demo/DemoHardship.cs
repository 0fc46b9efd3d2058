using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Modules.Organizations;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Demo;

/// <summary>
/// Hardship households of 中原区 for the demo: most in the archive with the 三清 checked and the county's approval in
/// their history, a few waiting for the county, a few waiting for their union's check — so that the archive, 五必访
/// planning and the relief dashboard have something to show, and each review queue has work in it.
/// </summary>
public sealed class DemoHardship(AppDbContext db, PersonalDataProtector protector, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Each demo household: its causes (first one primary), housing, the other household members, its needs.</summary>
    private static readonly (HardshipCause[] Causes, HousingKind Housing, HouseholdMember[] Others, decimal OwnIncome, string Needs)[] Households =
    [
        ([HardshipCause.Illness, HardshipCause.Education], HousingKind.Rented,
            [Person("配偶", 44, HealthState.SeriousIllness, "无业（尿毒症透析）", 0), Person("女儿", 16, HealthState.Healthy, "高中在读", 0)], 2_600,
            "配偶每周透析三次，自付医疗费负担重；女儿高中学费"),
        ([HardshipCause.Disability], HousingKind.PublicRental, [Person("母亲", 71, HealthState.ChronicIllness, "退休", 1_450)], 1_900, "本人肢体残疾，需康复器具"),
        ([HardshipCause.SingleParent, HardshipCause.Education], HousingKind.Rented, [Person("儿子", 12, HealthState.Healthy, "初中在读", 0)], 2_300,
            "单亲抚养，孩子课外辅导与生活费"),
        ([HardshipCause.Unemployment], HousingKind.Owned,
            [Person("配偶", 47, HealthState.ChronicIllness, "灵活就业", 900), Person("儿子", 19, HealthState.Healthy, "大学在读", 0)], 0, "企业停产后失业，需再就业培训与岗位推荐"),
        ([HardshipCause.WorkInjury, HardshipCause.Illness], HousingKind.Owned, [Person("配偶", 50, HealthState.Healthy, "保洁", 2_100)], 1_200,
            "工伤致残（七级），后续治疗与康复"),
        ([HardshipCause.Illness], HousingKind.Rented,
            [Person("配偶", 39, HealthState.Healthy, "超市收银", 2_400), Person("儿子", 8, HealthState.Healthy, "小学在读", 0)], 1_000, "本人确诊恶性肿瘤，化疗期间收入下降"),
        ([HardshipCause.Disaster], HousingKind.Owned, [Person("配偶", 45, HealthState.Healthy, "务农", 800)], 2_800, "住房受暴雨灾害损毁，需修缮"),
        ([HardshipCause.Education, HardshipCause.Other], HousingKind.Rented,
            [Person("配偶", 46, HealthState.ChronicIllness, "无业", 0), Person("女儿", 20, HealthState.Healthy, "大学在读", 0), Person("儿子", 17, HealthState.Healthy, "高中在读", 0)],
            3_100, "两个孩子同时上学，学费和生活费负担重"),
        ([HardshipCause.Illness, HardshipCause.SingleParent], HousingKind.Lodging, [Person("女儿", 9, HealthState.ChronicIllness, "小学在读（哮喘）", 0)], 2_200,
            "孩子慢性病长期用药"),
        ([HardshipCause.Unemployment, HardshipCause.Illness], HousingKind.Rented, [Person("父亲", 76, HealthState.UnableToWork, "无", 600)], 0, "失业，赡养失能父亲"),
        ([HardshipCause.Disability, HardshipCause.Unemployment], HousingKind.PublicRental, [], 1_100, "本人视力残疾，需盲人按摩技能培训"),
        ([HardshipCause.Illness], HousingKind.Owned, [Person("配偶", 58, HealthState.SeriousIllness, "病休", 1_700)], 2_500, "配偶脑卒中后长期康复"),
        ([HardshipCause.SingleParent], HousingKind.Rented, [Person("儿子", 15, HealthState.Healthy, "初中在读", 0), Person("母亲", 68, HealthState.ChronicIllness, "无", 0)],
            2_700, "单亲家庭，赡养老人、抚养孩子"),
        ([HardshipCause.WorkInjury], HousingKind.Owned, [Person("配偶", 41, HealthState.Healthy, "家政服务", 2_000)], 1_600, "工伤后转岗，收入下降"),
        ([HardshipCause.Illness, HardshipCause.Disaster], HousingKind.NoFixedHome, [Person("配偶", 43, HealthState.ChronicIllness, "无业", 0)], 2_000,
            "住房受灾后借住，配偶慢性病"),
    ];

    public static int HouseholdCount => Households.Length;

    /// <summary>The last households are not in the archive yet: these many wait for the county, the next ones for their union's check.</summary>
    private const int WaitingForCounty = 2;
    private const int WaitingForCheck = 2;

    /// <summary>Seeds the households in <paramref name="county"/>; those waiting for their union's check are in <paramref name="home"/>, the grassroots demo login's union.</summary>
    public async Task SeedAsync(OrgUnit county, OrgUnit home, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.DayOf(now);
        var inCounty = await CandidatesAsync(county.Path, home.Path, Households.Length - WaitingForCheck, ct);
        var inHome = await CandidatesAsync(home.Path, null, WaitingForCheck, ct);
        var candidates = inCounty.Concat(inHome).ToList();
        for (var i = 0; i < candidates.Count; i++)
        {
            var member = candidates[i];
            var (causes, housing, others, ownIncome, needs) = Households[i];
            var status = i >= inCounty.Count ? HardshipStatus.Submitted
                : i >= inCounty.Count - WaitingForCounty ? HardshipStatus.Proposed
                : HardshipStatus.Active;
            var self = Person("本人", today.Year - member.BirthDate.Year, causes.Contains(HardshipCause.Disability) ? HealthState.Disabled : HealthState.Healthy,
                member.EmployerName ?? "职工", ownIncome);
            var details = new HardshipDetails(
                [self with { Name = member.Name }, .. others.Select((o, n) => o with { Name = (o.Relation == "配偶" ? Surnames[i % Surnames.Length] : member.Name[..1]) + GivenNames[(i * 3 + n) % GivenNames.Length] })], needs, null);
            var filedAt = now.AddDays(-120 + i * 5);
            var approvedOn = status == HardshipStatus.Active ? ChinaTime.DayOf(filedAt.AddDays(18)) : (DateOnly?)null;
            var file = HardshipFile.Open(RandomPool.CreateVersion7(filedAt), member.Id, member.Name, member.IdMasked, member.OrgId, member.OrgPath,
                i % 3 == 0 ? "member" : "jiceng.assist", filedAt);
            file.Describe(protector.Encrypt(JsonSerializer.Serialize(details, Json)), causes.Aggregate(HardshipCause.None, (all, c) => all | c), causes[0],
                housing, details.Household.Count);
            if (status != HardshipStatus.Submitted)
            {
                file.Check(true, true, true, "jiceng.assist");
                file.Propose("jiceng.assist");
            }

            if (approvedOn is { } on)
            {
                file.Approve(on, on.AddMonths(12));
            }

            file.Stamp(0, null);
            db.HardshipFiles.Add(file);
            db.HardshipSteps.AddRange(History(file, details, filedAt));
            if (status == HardshipStatus.Active)
            {
                member.Groups |= MemberGroups.Hardship;
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private Task<List<Member>> CandidatesAsync(string path, string? except, int count, CancellationToken ct) =>
        db.Members.IgnoreQueryFilters()
            .Where(m => m.OrgPath.StartsWith(path) && (except == null || !m.OrgPath.StartsWith(except)) && m.Status == MembershipStatus.Active && m.Name != DemoMembers.KnownMember.Name)
            .OrderBy(m => m.IdHash).Take(count).ToListAsync(ct);

    private static readonly string[] Surnames = ["王", "李", "刘", "陈", "杨", "赵", "黄", "周", "吴"];

    private static readonly string[] GivenNames = ["秀兰", "志强", "晓燕", "浩然", "子涵", "桂英", "建军", "欣怡", "宇轩", "玉梅", "俊杰"];

    private static HouseholdMember Person(string relation, int age, HealthState health, string work, decimal income) =>
        new() { Relation = relation, Age = age, Health = health, Work = work, MonthlyIncome = income };

    private static IEnumerable<HardshipStep> History(HardshipFile file, HardshipDetails details, DateTimeOffset filedAt)
    {
        var income = $"家庭人均月收入 {details.PerCapitaIncome:0.##} 元";
        yield return Step(file, HardshipStepKind.Filed, file.FiledBy, "", filedAt, income);
        if (file.Status == HardshipStatus.Submitted)
        {
            yield break;
        }

        yield return Step(file, HardshipStepKind.Checked, "jiceng.assist", "基层工会", filedAt.AddDays(3), "三清核实：家庭情况清、致困原因清、帮扶需求清");
        yield return Step(file, HardshipStepKind.Proposed, "jiceng.assist", "基层工会", filedAt.AddDays(4), income);
        if (file.Status == HardshipStatus.Active)
        {
            yield return Step(file, HardshipStepKind.Approved, "zhongyuan.assist", "中原区总工会", filedAt.AddDays(18), "纳入困难职工档案");
        }
    }

    private static HardshipStep Step(HardshipFile file, HardshipStepKind kind, string actor, string org, DateTimeOffset at, string outcome) =>
        new() { FileId = file.Id, Kind = kind, Actor = actor, ActorOrg = org, At = at, Outcome = outcome };
}