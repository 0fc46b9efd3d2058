using WorkersHome.Modules.Organizations.Contracts;

namespace WorkersHome.Modules.Organizations.Seeding;

/// <summary>
/// Synthetic but plausible grassroots unions for demos and benchmarks: employer unions of firms,
/// public institutions and agencies, plus regional, industry and gig-worker unions, spread over
/// townships and counties. Deterministic for a given seed.
/// </summary>
public sealed class GrassrootsGenerator(int seed)
{
    private static readonly string[] BrandChars = ["华", "宇", "恒", "瑞", "鑫", "盛", "泰", "达", "源", "通", "弘", "嘉", "锦", "安", "康", "新", "远", "鼎", "辰", "金", "正", "中", "兴", "和", "润", "晟", "翔", "德", "信", "丰", "豫", "岚", "森", "卓", "博"];
    private static readonly string[] Industries = ["机械制造", "食品", "纺织", "建材", "物流", "电子科技", "化工", "医药", "汽车零部件", "商贸", "建筑工程", "农业发展", "软件技术", "家具", "印刷包装", "新能源", "铝业", "矿山机械", "服装", "餐饮管理"];
    private static readonly string[] CompanySuffixes = ["有限公司", "股份有限公司", "有限责任公司", "集团有限公司"];
    private static readonly string[] Institutions = ["人民医院", "中医院", "妇幼保健院", "第一高级中学", "实验小学", "职业技术学校", "疾病预防控制中心", "图书馆", "文化馆", "自来水公司"];
    private static readonly string[] Agencies = ["人力资源和社会保障局", "市场监督管理局", "住房和城乡建设局", "交通运输局", "教育局", "卫生健康委员会", "税务局", "统计局"];
    private static readonly string[] IndustryUnions = ["建筑行业", "餐饮行业", "商贸流通行业", "家政服务行业", "物业管理行业", "出租汽车行业"];
    private static readonly string[] GigUnions = ["快递行业新就业形态劳动者", "外卖配送新就业形态劳动者", "网约车司机", "货车司机"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁"];
    private static readonly string[] GivenChars = ["建", "国", "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "红", "玉", "兰", "志", "鹏"];
    private static readonly string[] Roads = ["建设路", "人民路", "文化路", "解放路", "中原路", "黄河路", "工业路", "经三路", "纬五路", "花园路", "农业路", "商都路"];
    private static readonly Dictionary<string, string> AreaCodes = new()
    {
        ["4101"] = "0371",
        ["4102"] = "0371",
        ["4103"] = "0379",
        ["4104"] = "0375",
        ["4105"] = "0372",
        ["4106"] = "0392",
        ["4107"] = "0373",
        ["4108"] = "0391",
        ["4109"] = "0393",
        ["4110"] = "0374",
        ["4111"] = "0395",
        ["4112"] = "0398",
        ["4113"] = "0377",
        ["4114"] = "0370",
        ["4115"] = "0376",
        ["4116"] = "0394",
        ["4117"] = "0396",
        ["4190"] = "0391",
    };

    private readonly Random _random = new(seed);

    /// <summary>
    /// Generates <paramref name="count"/> unions under the given divisions. Provincial capitals
    /// (codes ending 01) weigh four times as much, as most employers sit there.
    /// </summary>
    public IEnumerable<OrgUnit> Generate(IReadOnlyList<Division> divisions, Func<string, string> pathOf, int count)
    {
        var byCode = divisions.ToDictionary(d => d.Code);
        var townships = divisions.Where(d => d.Level == OrgLevel.Township).ToList();
        var counties = divisions.Where(d => d.Level == OrgLevel.County).ToList();
        var weighted = townships.SelectMany(t => Enumerable.Repeat(t, t.Code[2..4] == "01" ? 4 : 1)).ToList();
        var sequence = 0;
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var township = weighted[_random.Next(weighted.Count)];
            var county = byCode.GetValueOrDefault(township.ParentCode ?? "") ?? counties[_random.Next(counties.Count)];
            var cityName = byCode.TryGetValue(county.ParentCode ?? "", out var city) ? city.Name : "";
            OrgUnit unit;
            var tries = 0;
            do
            {
                // Names repeat only when a small county runs out of distinct institutions; retry, then fall back to a firm.
                var roll = tries++ < 5 ? _random.NextDouble() : 0;
                unit = roll switch
                {
                    < 0.60 => Enterprise(county, cityName),
                    < 0.72 => Institution(county),
                    < 0.80 => Agency(county),
                    < 0.90 => Regional(township),
                    < 0.95 => IndustryUnion(county),
                    _ => GigUnion(county, cityName),
                };
            }
            while (!names.Add(unit.Name));
            var parent = unit.UnionType is UnionType.Enterprise or UnionType.Regional && _random.NextDouble() < 0.85 ? township : county;
            unit.Code = "J" + (++sequence + 100_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            unit.Level = OrgLevel.Grassroots;
            unit.Path = OrgUnit.ChildPath(pathOf(parent.Code), unit.Code);
            unit.Address = $"{cityName}{county.Name}{township.Name}{Pick(Roads)}{_random.Next(1, 300)}号";
            unit.FoundedOn = new DateOnly(_random.Next(1985, 2026), _random.Next(1, 13), _random.Next(1, 29));
            unit.ChairName = PersonName();
            unit.ContactName = PersonName();
            unit.ContactPhone = $"{AreaCodes.GetValueOrDefault(county.Code[..4], "0371")}-{_random.Next(5, 9)}{_random.Next(0, 10_000_000):D7}";
            yield return unit;
        }
    }

    private OrgUnit Enterprise(Division county, string cityName)
    {
        var shortCity = cityName.TrimEnd('市');
        var employer = $"{shortCity}{Pick(BrandChars)}{Pick(BrandChars)}{Pick(Industries)}{Pick(CompanySuffixes)}";
        return Employer(employer, employer + "工会委员会", UnionType.Enterprise, "91", county);
    }

    private OrgUnit Institution(Division county)
    {
        var employer = $"{county.Name}{Pick(Institutions)}";
        return Employer(employer, employer + "工会委员会", UnionType.PublicInstitution, "12", county);
    }

    private OrgUnit Agency(Division county)
    {
        var employer = $"{county.Name}{Pick(Agencies)}";
        return Employer(employer, employer + "机关工会", UnionType.GovernmentAgency, "11", county);
    }

    private OrgUnit Employer(string employer, string name, UnionType type, string prefix, Division county)
    {
        var body = string.Concat(Enumerable.Range(0, 9).Select(_ => "0123456789ABCDEFGHJKLMNPQRTUWXY"[_random.Next(31)]));
        return new OrgUnit
        {
            Name = name,
            EmployerName = employer,
            UnionType = type,
            CreditCode = CreditCode.WithCheck(prefix + county.Code + body),
        };
    }

    private OrgUnit Regional(Division township) =>
        new() { Name = $"{township.Name}{(_random.Next(2) == 0 ? "联合工会" : "小微企业联合工会")}", UnionType = UnionType.Regional };

    private OrgUnit IndustryUnion(Division county) =>
        new() { Name = $"{county.Name}{Pick(IndustryUnions)}工会联合会", UnionType = UnionType.Industry };

    private OrgUnit GigUnion(Division county, string cityName) =>
        new() { Name = $"{cityName}{county.Name}{Pick(GigUnions)}工会", UnionType = UnionType.GigWorkers };

    public string PersonName() => Pick(Surnames) + Pick(GivenChars) + (_random.Next(3) == 0 ? "" : Pick(GivenChars));

    private string Pick(string[] values) => values[_random.Next(values.Length)];
}