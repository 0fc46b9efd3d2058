using System.Globalization;
using System.Text;

using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Import;
using WorkersHome.Modules.Organizations.Seeding;

namespace WorkersHome.Bench.Scenarios.Import;

/// <summary>
/// A valid member file in the published template, written row by row. ID numbers are unique by construction
/// (birth day, sequence and gender follow from the row number), and each region code is the union's county.
/// </summary>
internal static class TemplateFile
{
    private static readonly string[] Education = ["大学本科教育", "大学专科教育", "普通高级中学教育", "中等职业教育", "初级中学教育", "研究生教育"];
    private static readonly string[] Platforms = ["某外卖平台", "某快递公司", "某网约车平台"];
    private static readonly DateOnly FirstBirthday = new(1966, 1, 1);

    public static long WriteCsv(string path, IReadOnlyList<(string Code, string County)> unions, int rows, int seed)
    {
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 16))
        {
            writer.Write(string.Join(",", MemberTemplate.Headers));
            writer.Write('\n');
            foreach (var cells in Rows(unions, rows, seed))
            {
                writer.Write(string.Join(",", cells));
                writer.Write('\n');
            }
        }

        return new FileInfo(path).Length;
    }

    public static long WriteXlsx(string path, IReadOnlyList<(string Code, string County)> unions, int rows, int seed)
    {
        var sheet = Rows(unions, rows, seed).Select(cells =>
        {
            var row = new Dictionary<string, object?>(MemberTemplate.Headers.Length);
            for (var i = 0; i < cells.Length; i++)
            {
                row[MemberTemplate.Headers[i]] = cells[i];
            }

            return row;
        });
        MiniExcelLibs.MiniExcel.SaveAs(path, sheet);
        return new FileInfo(path).Length;
    }

    private static IEnumerable<string[]> Rows(IReadOnlyList<(string Code, string County)> unions, int rows, int seed)
    {
        var random = new Random(seed);
        var names = new GrassrootsGenerator(seed);
        for (var k = 0; k < rows; k++)
        {
            var (code, county) = unions[random.Next(unions.Count)];
            var gender = k % 2 == 0 ? Gender.Male : Gender.Female;
            // 7 and 14,600 share no factor, so k / 1000 → day is one-to-one for ten million rows and more.
            var birth = FirstBirthday.AddDays((int)((long)(k / 1000) * 7 % 14_600));
            var id = ResidentIdNumber.Compose(county, birth, k / 2 % 500, gender);
            var gig = random.Next(100) < 12;
            var migrant = random.Next(100) < 30;
            yield return
            [
                names.PersonName(), gender == Gender.Male ? "男" : "女", random.Next(100) < 97 ? "汉族" : "回族", "居民身份证", id, "",
                "13" + (k % 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture), Education[random.Next(Education.Length)],
                random.Next(100) < 15 ? "中国共产党党员" : "群众", code, "", gig ? "灵活就业" : "全日制", gig ? Platforms[random.Next(Platforms.Length)] : "",
                migrant ? "是" : "否", migrant ? "河南省周口市" : "", birth.AddYears(18).AddDays(k % 700).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ];
        }
    }
}