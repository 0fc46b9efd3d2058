using System.Globalization;
using System.Text;

using Bogus;
using Bogus.DataSets;

using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Import;
using WorkersHome.Modules.Organizations;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Demo;

/// <summary>
/// Synthetic members for the demo, queued as an import through the product's own pipeline (so the app
/// starts at once and the import page shows the demo file's progress): valid ID numbers whose region is
/// the union's county, working ages, a realistic mix of employment forms and ~30% migrant workers, and
/// Chinese names from Bogus's zh_CN locale.
/// </summary>
public sealed class DemoMembers(StartImport import, TimeProvider clock)
{
    private static readonly string[] Platforms = ["某外卖平台", "某快递公司", "某网约车平台", "某同城配送平台"];
    private static readonly string[] Education = ["大学本科教育", "大学专科教育", "普通高级中学教育", "中等职业教育", "初级中学教育", "研究生教育"];

    /// <summary>The demo's first member, with a known phone, for trying the member pages (/m) by SMS sign-in.</summary>
    public static readonly (string Name, string Phone, DateOnly Birth) KnownMember = ("张建国", "13700000001", new DateOnly(1988, 5, 20));

    /// <summary>The demo import's file name, by which the demo's hardship seeding finds the import it waits for.</summary>
    public const string FileName = "演示会员名册.csv";

    public static string KnownMemberIdNumber(string county) => ResidentIdNumber.Compose(county, KnownMember.Birth, 1, Gender.Male);

    public async Task<MemberImport> SeedAsync(IReadOnlyList<OrgUnit> unions, int count, int seed, CancellationToken ct)
    {
        var today = clock.Today().AddDays(-1);
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Csv(unions, count, seed, today)));
        return await import.ExecuteAsync(stream, FileName, ImportMode.ValidRows, ct);
    }

    /// <summary>
    /// The demo file in the import template's columns; the same unions, count, seed and day give the same file.
    /// </summary>
    internal static string Csv(IReadOnlyList<OrgUnit> unions, int count, int seed, DateOnly today)
    {
        var random = new Random(seed);
        // Names draw from their own seeded generator, so that the other columns stay as they were for a seed.
        // Bogus seeds per instance here: its global Randomizer.Seed would be shared with anything else using Bogus.
        var names = new Name("zh_CN") { Random = new Randomizer(seed) };
        var csv = new StringBuilder(string.Join(",", MemberTemplate.Headers)).Append('\n');
        var issued = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var union = unions[random.Next(unions.Count)];
            var county = CountyOf(union);
            var gender = random.Next(100) < 55 ? Gender.Male : Gender.Female;
            var birth = today.AddYears(-18).AddDays(-random.Next(0, 42 * 365));
            var id = ResidentIdNumber.Compose(county, birth, i, gender);
            if (i == 0)
            {
                union = unions.First(u => u.UnionType == UnionType.Enterprise);
                (gender, birth) = (Gender.Male, KnownMember.Birth);
                id = KnownMemberIdNumber(CountyOf(union));
            }

            while (!issued.Add(id))
            {
                // The sequence part holds 500 numbers per county, day and gender; move the birthday on a clash.
                birth = birth.AddDays(1);
                id = ResidentIdNumber.Compose(county, birth, i, gender);
            }

            var gig = union.UnionType == UnionType.GigWorkers;
            var form = gig ? "灵活就业" : random.Next(100) switch { < 78 => "全日制", < 88 => "劳务派遣", _ => "非全日制" };
            var migrant = gig ? random.Next(100) < 70 : random.Next(100) < 25;
            var joined = birth.AddYears(18).AddDays(random.Next(0, 3650));
            // About one in twenty joined this year, so that the dashboards show new members.
            if (joined > today || random.Next(20) == 0)
            {
                joined = new DateOnly(today.Year, 1, 1).AddDays(random.Next(0, today.DayOfYear));
            }

            var name = ChineseName(names);
            var phone = string.Create(CultureInfo.InvariantCulture, $"1{random.Next(3, 10)}{random.Next(0, 1_000_000_000):D9}");
            if (i == 0)
            {
                (name, phone) = (KnownMember.Name, KnownMember.Phone);
            }

            csv.Append(CultureInfo.InvariantCulture, $"{name},{(gender == Gender.Male ? "男" : "女")},{(random.Next(100) < 98 ? "汉族" : "回族")},居民身份证,{id},,")
                .Append(CultureInfo.InvariantCulture, $"{phone},{Education[random.Next(Education.Length)]},")
                .Append(random.Next(100) < 15 ? "中国共产党党员" : "群众").Append(',')
                .Append(union.Code).Append(',').Append(union.EmployerName ?? "").Append(',').Append(form).Append(',')
                .Append(gig ? Platforms[random.Next(Platforms.Length)] : "").Append(',')
                .Append(migrant ? "是" : "否").Append(',').Append(migrant ? "河南省周口市" : "").Append(',')
                .Append(joined.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        }

        return csv.ToString();
    }

    private static string CountyOf(OrgUnit union) =>
        union.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(c => c.Length == 6) ?? "410102";

    // A Chinese name is the surname followed by the given name, with no space. Bogus's FullName() puts the
    // given name first with a space ("子轩 王"), so compose it here. zh_CN has no gendered given-name lists
    // (Name.SupportsGenderFirstNames is false), so the name cannot follow the member's gender.
    private static string ChineseName(Name names) => names.LastName() + names.FirstName();
}