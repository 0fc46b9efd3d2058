using WorkersHome.Demo;
using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Import;
using WorkersHome.Modules.Organizations;

namespace WorkersHome.Tests.Demo;

public sealed class DemoMembersTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    // Unions in two counties, one of them a gig-worker union, as GrassrootsGenerator places them.
    private static readonly OrgUnit[] Unions =
    [
        Union("J100000001", "/41/4101/410102/410102001/J100000001/", UnionType.Enterprise, "郑州华宇机械制造有限公司"),
        Union("J100000002", "/41/4101/410105/J100000002/", UnionType.GigWorkers, null),
        Union("J100000003", "/41/4103/410311/410311002/J100000003/", UnionType.Enterprise, "洛阳恒泰食品有限公司"),
    ];

    private static readonly int NameColumn = Array.IndexOf(MemberTemplate.Headers, MemberTemplate.Name);
    private static readonly int IdColumn = Array.IndexOf(MemberTemplate.Headers, MemberTemplate.IdNumber);
    private static readonly int GenderColumn = Array.IndexOf(MemberTemplate.Headers, MemberTemplate.Gender);
    private static readonly int UnionColumn = Array.IndexOf(MemberTemplate.Headers, MemberTemplate.UnionCode);

    [Fact]
    public void Names_are_Chinese_surname_and_given_name_with_variety()
    {
        var names = Rows(seed: 2026, count: 1_000).Select(r => r[NameColumn]).ToList();

        names.Count.ShouldBe(1_000);
        names.ShouldAllBe(n => n.Length >= 2 && n.Length <= 4);
        // CJK Unified Ideographs only: no space between surname and given name, no Latin fallback.
        names.ShouldAllBe(n => n.All(c => c >= '\u4E00' && c <= '\u9FFF'));
        names.Distinct(StringComparer.Ordinal).Count().ShouldBeGreaterThanOrEqualTo(100);
        // The surname leads: common single-character surnames of the zh_CN locale start most names.
        names.Count(n => "王李张刘陈杨黄吴赵周".Contains(n[0], StringComparison.Ordinal)).ShouldBeGreaterThan(50);
    }

    [Fact]
    public void The_same_seed_gives_the_same_file_and_another_seed_other_names()
    {
        var first = DemoMembers.Csv(Unions, 500, seed: 7, Today);
        var again = DemoMembers.Csv(Unions, 500, seed: 7, Today);
        again.ShouldBe(first);

        var names = Rows(seed: 7, count: 500).Select(r => r[NameColumn]).ToList();
        var others = Rows(seed: 8, count: 500).Select(r => r[NameColumn]).ToList();
        names.Zip(others).Count(p => p.First != p.Second).ShouldBeGreaterThan(400);
    }

    [Fact]
    public void Id_numbers_are_valid_match_the_union_county_and_gender_and_give_working_ages()
    {
        var counties = Unions.ToDictionary(u => u.Code, u => u.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Single(c => c.Length == 6));

        var rows = Rows(seed: 2026, count: 1_000);

        rows.Select(r => r[IdColumn]).Distinct(StringComparer.Ordinal).Count().ShouldBe(rows.Count);
        foreach (var row in rows)
        {
            var (facts, error) = ResidentIdNumber.Parse(row[IdColumn], Today);
            error.ShouldBeNull(error?.Zh);
            facts!.RegionCode.ShouldBe(counties[row[UnionColumn]]);
            (facts.Gender == Gender.Male ? "男" : "女").ShouldBe(row[GenderColumn]);
            // Working age: adults, and nobody past 60.
            facts.BirthDate.ShouldBeLessThanOrEqualTo(Today.AddYears(-18));
            facts.BirthDate.ShouldBeGreaterThan(Today.AddYears(-61));
        }
    }

    private static List<string[]> Rows(int seed, int count)
    {
        var lines = DemoMembers.Csv(Unions, count, seed, Today).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe(string.Join(",", MemberTemplate.Headers));
        return lines.Skip(1).Select(l => l.Split(',')).ToList();
    }

    private static OrgUnit Union(string code, string path, UnionType type, string? employer) => new()
    {
        Code = code,
        Path = path,
        Level = OrgLevel.Grassroots,
        UnionType = type,
        EmployerName = employer,
    };
}