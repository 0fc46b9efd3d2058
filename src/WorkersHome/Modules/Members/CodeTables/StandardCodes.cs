namespace WorkersHome.Modules.Members.CodeTables;

/// <summary>The national standards' code tables as first seeded; administrators may edit them afterwards.</summary>
internal static class StandardCodes
{
    // GB/T 3304-1991 names of China's ethnic groups (romanised names), plus 97/98.
    private const string Ethnicities =
        "01 汉族 Han|02 蒙古族 Mongol|03 回族 Hui|04 藏族 Tibetan|05 维吾尔族 Uyghur|06 苗族 Miao|07 彝族 Yi|08 壮族 Zhuang|" +
        "09 布依族 Bouyei|10 朝鲜族 Korean|11 满族 Manchu|12 侗族 Dong|13 瑶族 Yao|14 白族 Bai|15 土家族 Tujia|16 哈尼族 Hani|" +
        "17 哈萨克族 Kazakh|18 傣族 Dai|19 黎族 Li|20 傈僳族 Lisu|21 佤族 Va|22 畲族 She|23 高山族 Gaoshan|24 拉祜族 Lahu|25 水族 Sui|" +
        "26 东乡族 Dongxiang|27 纳西族 Naxi|28 景颇族 Jingpo|29 柯尔克孜族 Kyrgyz|30 土族 Tu|31 达斡尔族 Daur|32 仫佬族 Mulao|33 羌族 Qiang|" +
        "34 布朗族 Blang|35 撒拉族 Salar|36 毛南族 Maonan|37 仡佬族 Gelao|38 锡伯族 Xibe|39 阿昌族 Achang|40 普米族 Pumi|41 塔吉克族 Tajik|" +
        "42 怒族 Nu|43 乌孜别克族 Uzbek|44 俄罗斯族 Russian|45 鄂温克族 Evenki|46 德昂族 Deang|47 保安族 Bonan|48 裕固族 Yugur|49 京族 Gin|" +
        "50 塔塔尔族 Tatar|51 独龙族 Derung|52 鄂伦春族 Oroqen|53 赫哲族 Hezhen|54 门巴族 Monba|55 珞巴族 Lhoba|56 基诺族 Jino|" +
        "97 其他 Other|98 外国血统中国籍人士 Naturalised_citizen_of_foreign_origin";

    // GB/T 4658-2006 education levels (top-level codes).
    private const string Education =
        "10 研究生教育 Postgraduate|20 大学本科教育 Bachelor's|30 大学专科教育 Junior_college|40 中等职业教育 Secondary_vocational|" +
        "60 普通高级中学教育 Senior_high_school|70 初级中学教育 Junior_high_school|80 小学教育 Primary_school|90 其他 Other";

    // GB/T 4762-1984 political status.
    private const string Political =
        "01 中国共产党党员 CPC_member|02 中国共产党预备党员 CPC_probationary_member|03 中国共产主义青年团团员 CYL_member|" +
        "04 中国国民党革命委员会会员 RCCK_member|05 中国民主同盟盟员 CDL_member|06 中国民主建国会会员 CNDCA_member|" +
        "07 中国民主促进会会员 CAPD_member|08 中国农工民主党党员 CPWDP_member|09 中国致公党党员 CZGP_member|" +
        "10 九三学社社员 Jiusan_Society_member|11 台湾民主自治同盟盟员 TDSGL_member|12 无党派人士 Independent|13 群众 No_affiliation";

    // The short forms and everyday words that rosters use for the entries above (code: spellings).
    private const string EducationSynonyms =
        "10 研究生|硕士|博士|硕士研究生|博士研究生|研究生及以上|硕士及以上;20 本科|大学本科|大学|学士|本科学历;30 大专|专科|大学专科|高职;" +
        "40 中专|中技|技校|职高|中等专业|中等专科|中职;60 高中|普高|普通高中|高级中学;70 初中|初级中学;80 小学|小学及以下";

    private const string PoliticalSynonyms =
        "01 党员|中共党员|共产党员|中国共产党员;02 预备党员|中共预备党员;03 团员|共青团员|青年团员;04 民革|民革会员;05 民盟|民盟盟员;" +
        "06 民建|民建会员;07 民进|民进会员;08 农工党|农工党党员;09 致公党|致公党党员;10 九三|九三学社;11 台盟|台盟盟员;12 无党派|无党派民主人士;" +
        "13 普通群众|一般群众";

    public static IEnumerable<CodeEntry> All() =>
        Parse(CodeTableNames.Ethnicity, Ethnicities)
            .Concat(Parse(CodeTableNames.Education, Education))
            .Concat(Parse(CodeTableNames.PoliticalStatus, Political));

    /// <summary>The seeded spellings: the lists above, and every ethnicity without its 族 (汉, 蒙古, 维吾尔…).</summary>
    public static IEnumerable<CodeSynonym> Synonyms() =>
        Parse(CodeTableNames.Ethnicity, Ethnicities)
            .Where(e => e.Zh.Length > 1 && e.Zh.EndsWith('族'))
            .Select(e => new CodeSynonym { Table = e.Table, Code = e.Code, Text = e.Zh[..^1] })
            .Concat(ParseSynonyms(CodeTableNames.Education, EducationSynonyms))
            .Concat(ParseSynonyms(CodeTableNames.PoliticalStatus, PoliticalSynonyms));

    private static IEnumerable<CodeSynonym> ParseSynonyms(string table, string lists) =>
        lists.Split(';').SelectMany(list =>
        {
            var (code, spellings) = (list[..list.IndexOf(' ')], list[(list.IndexOf(' ') + 1)..]);
            return spellings.Split('|').Select(text => new CodeSynonym { Table = table, Code = code, Text = text });
        });

    private static IEnumerable<CodeEntry> Parse(string table, string entries) =>
        entries.Split('|').Select((entry, i) =>
        {
            var parts = entry.Split(' ');
            return new CodeEntry { Table = table, Code = parts[0], Zh = parts[1], En = parts[2].Replace('_', ' '), SortOrder = i };
        });
}