using System.Globalization;

using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.CodeTables;
using WorkersHome.Modules.Members.Import;
using WorkersHome.Modules.Members.Register;
using WorkersHome.Platform.Errors;

namespace WorkersHome.Tests.Modules.Members;

/// <summary>How cells of a real roster are read: normalisation, dates, names, code-table synonyms, enumerations and headers.</summary>
public sealed class RosterReadingTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    private static readonly CodeTableSnapshot Codes = new(StandardCodes.All(), StandardCodes.Synonyms());

    [Theory]
    [InlineData("４１０１０２", "410102")]
    [InlineData("\u3000张三\u00A0", "张三")]
    [InlineData("a\u200Bb\uFEFF", "ab")]
    [InlineData("  John   Smith ", "John Smith")]
    [InlineData("Ｘ", "X")]
    [InlineData("plain", "plain")]
    public void Text_is_folded_to_half_width_without_odd_spaces(string raw, string expected) =>
        InputText.Clean(raw).ShouldBe(expected);

    [Theory]
    [InlineData("+86 183-7809-1341", "18378091341")]
    [InlineData("0086 18378091341", "18378091341")]
    [InlineData("86-183 7809 1341", "18378091341")]
    [InlineData("(183)7809.1341", "18378091341")]
    [InlineData("１８３７８０９１３４１", "18378091341")]
    [InlineData("18378091341", "18378091341")]
    public void Phones_lose_their_decoration(string raw, string expected) => InputText.Phone(raw).ShouldBe(expected);

    [Theory]
    [InlineData("11010519491231002x", "11010519491231002X")]
    [InlineData("１１０１０５ １９４９１２３１ ００２Ｘ", "11010519491231002X")]
    public void Id_numbers_are_upper_case_half_width_digits(string raw, string expected) => InputText.IdNumber(raw).ShouldBe(expected);

    [Theory]
    [InlineData("42156", 2015, 6, 1)]
    [InlineData("42156.5", 2015, 6, 1)]
    [InlineData("2015年6月1日", 2015, 6, 1)]
    [InlineData("2015.6.1", 2015, 6, 1)]
    [InlineData("2015/06/01", 2015, 6, 1)]
    [InlineData("20150601", 2015, 6, 1)]
    [InlineData("2015-6", 2015, 6, 1)]
    [InlineData("2015年6月", 2015, 6, 1)]
    [InlineData("２０１５－０６－０１", 2015, 6, 1)]
    [InlineData("2015-06-01 00:00:00", 2015, 6, 1)]
    public void Dates_are_read_as_rosters_write_them(string raw, int y, int m, int d)
    {
        LooseDate.TryParse(raw, out var date).ShouldBeTrue(raw);
        date.ShouldBe(new DateOnly(y, m, d));
    }

    [Theory]
    [InlineData("2015")]
    [InlineData("2015-13-01")]
    [InlineData("2015-02-30")]
    [InlineData("明年")]
    [InlineData("15/6/1")]
    public void Non_dates_are_refused(string raw) => LooseDate.TryParse(raw, out _).ShouldBeFalse(raw);

    [Theory]
    [InlineData("张三", "张三")]
    [InlineData("张  三", "张三")]
    [InlineData("阿卜杜拉·买买提", "阿卜杜拉·买买提")]
    [InlineData("阿卜杜拉•买买提", "阿卜杜拉·买买提")]
    [InlineData("阿卜杜拉 ・ 买买提", "阿卜杜拉·买买提")]
    [InlineData("𠀾𪚥", "𠀾𪚥")]
    [InlineData("Mary-Jane O'Neil", "Mary-Jane O'Neil")]
    [InlineData("ＬＩ　Ｌｅｉ", "LI Lei")]
    public void Names_of_people_pass_in_their_stored_spelling(string raw, string expected) => PersonName.Normalize(raw).ShouldBe(expected);

    [Theory]
    [InlineData("<b>张三</b>")]
    [InlineData("张三3")]
    [InlineData("=HYPERLINK(\"x\")")]
    [InlineData("-张三")]
    [InlineData("@张三")]
    [InlineData("+张三")]
    [InlineData("张三;")]
    public void Markup_digits_and_formula_starts_are_not_names(string raw) => PersonName.Normalize(raw).ShouldBeNull(raw);

    [Fact]
    public void The_validator_names_the_name_field_when_it_is_not_a_name()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var input = new MemberInput
        {
            Name = "<script>张三",
            IdNumber = ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 12, Gender.Male),
            Ethnicity = "汉",
            EmploymentForm = EmploymentForm.FullTime,
        };
        var ex = Should.Throw<ValidationFailedException>(() => MemberValidator.Validate(input, Today, Codes));
        ex.Errors[nameof(MemberInput.Name)].ShouldContain(m => m.StartsWith("姓名只能包含汉字、字母和间隔号（·）", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unreadable_resident_id_is_the_only_problem_named_for_what_it_would_have_told()
    {
        var id = ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 12, Gender.Male);
        var input = new MemberInput { Name = "张三", IdNumber = id[..17] + (id[17] == '1' ? "2" : "1"), Ethnicity = "汉", EmploymentForm = EmploymentForm.FullTime };
        var ex = Should.Throw<ValidationFailedException>(() => MemberValidator.Validate(input, Today, Codes));
        ex.Errors.Keys.ShouldBe([nameof(MemberInput.IdNumber)]);
    }

    [Fact]
    public void The_validator_takes_full_width_digits_phone_decoration_and_a_lowercase_x()
    {
        var id = ResidentIdNumber.Compose("110105", new DateOnly(1949, 12, 31), 2, Gender.Female);
        var input = new MemberInput
        {
            Name = " 李 秀英 ",
            IdNumber = string.Concat(id.Select(c => c == 'X' ? 'x' : char.IsAsciiDigit(c) ? (char)(c - '0' + '０') : c)),
            Phone = "+86 183-7809-1341",
            Ethnicity = "汉",
            Education = "大学本科",
            PoliticalStatus = "普通群众",
            EmploymentForm = EmploymentForm.FullTime,
        };
        var valid = MemberValidator.Validate(input, Today, Codes);
        valid.Name.ShouldBe("李秀英");
        valid.IdNumber.ShouldBe(id);
        valid.Phone.ShouldBe("18378091341");
        valid.EthnicityCode.ShouldBe("01");
        valid.EducationCode.ShouldBe("20");
        valid.PoliticalCode.ShouldBe("13");
    }

    [Theory]
    [InlineData(CodeTableNames.Education, "本科", "20")]
    [InlineData(CodeTableNames.Education, "大学本科", "20")]
    [InlineData(CodeTableNames.Education, "大学", "20")]
    [InlineData(CodeTableNames.Education, "大学本科教育", "20")]
    [InlineData(CodeTableNames.Education, "20", "20")]
    [InlineData(CodeTableNames.Education, "大专", "30")]
    [InlineData(CodeTableNames.Education, "专科", "30")]
    [InlineData(CodeTableNames.Education, "中专", "40")]
    [InlineData(CodeTableNames.Education, "中技", "40")]
    [InlineData(CodeTableNames.Education, "高中", "60")]
    [InlineData(CodeTableNames.Education, "初中", "70")]
    [InlineData(CodeTableNames.Education, "小学", "80")]
    [InlineData(CodeTableNames.Education, "硕士", "10")]
    [InlineData(CodeTableNames.Education, "博士", "10")]
    [InlineData(CodeTableNames.Education, "研究生", "10")]
    [InlineData(CodeTableNames.PoliticalStatus, "群众", "13")]
    [InlineData(CodeTableNames.PoliticalStatus, "普通群众", "13")]
    [InlineData(CodeTableNames.PoliticalStatus, "党员", "01")]
    [InlineData(CodeTableNames.PoliticalStatus, "中共党员", "01")]
    [InlineData(CodeTableNames.PoliticalStatus, "团员", "03")]
    [InlineData(CodeTableNames.PoliticalStatus, "共青团员", "03")]
    [InlineData(CodeTableNames.Ethnicity, "汉", "01")]
    [InlineData(CodeTableNames.Ethnicity, "汉族", "01")]
    [InlineData(CodeTableNames.Ethnicity, "维吾尔", "05")]
    [InlineData(CodeTableNames.Ethnicity, "鄂伦春", "52")]
    [InlineData(CodeTableNames.Ethnicity, "1", "01")]
    [InlineData(CodeTableNames.Ethnicity, "０１", "01")]
    public void Code_tables_read_codes_labels_and_synonyms(string table, string value, string code) =>
        Codes.Resolve(table, value).ShouldBe(code);

    [Fact]
    public void Synonyms_are_data_a_snapshot_without_them_does_not_know_them()
    {
        new CodeTableSnapshot(StandardCodes.All()).Resolve(CodeTableNames.Education, "大学本科").ShouldBeNull();
        new CodeTableSnapshot(StandardCodes.All(), [new CodeSynonym { Table = CodeTableNames.Education, Text = "本科毕业", Code = "20" }])
            .Resolve(CodeTableNames.Education, "本科毕业").ShouldBe("20");
    }

    [Fact]
    public void Every_ethnicity_is_known_without_its_zu()
    {
        foreach (var entry in Codes.Entries(CodeTableNames.Ethnicity).Where(e => e.Zh.EndsWith('族')))
        {
            Codes.Resolve(CodeTableNames.Ethnicity, entry.Zh[..^1]).ShouldBe(entry.Code, entry.Zh);
        }
    }

    [Theory]
    [InlineData(MemberTemplate.Gender, "男性", nameof(MemberInput.Gender), "Male")]
    [InlineData(MemberTemplate.Gender, "女", nameof(MemberInput.Gender), "Female")]
    [InlineData(MemberTemplate.IdType, "身份证", nameof(MemberInput.IdType), "ResidentId")]
    [InlineData(MemberTemplate.IdType, "台胞证", nameof(MemberInput.IdType), "TaiwanPermit")]
    [InlineData(MemberTemplate.EmploymentForm, "合同制", nameof(MemberInput.EmploymentForm), "FullTime")]
    [InlineData(MemberTemplate.EmploymentForm, "正式工", nameof(MemberInput.EmploymentForm), "FullTime")]
    [InlineData(MemberTemplate.EmploymentForm, "派遣", nameof(MemberInput.EmploymentForm), "Dispatched")]
    [InlineData(MemberTemplate.EmploymentForm, "临时工", nameof(MemberInput.EmploymentForm), "PartTime")]
    [InlineData(MemberTemplate.EmploymentForm, "兼职", nameof(MemberInput.EmploymentForm), "PartTime")]
    [InlineData(MemberTemplate.EmploymentForm, "灵活用工", nameof(MemberInput.EmploymentForm), "Flexible")]
    [InlineData(MemberTemplate.EmploymentForm, "外卖骑手", nameof(MemberInput.EmploymentForm), "Flexible")]
    [InlineData(MemberTemplate.Migrant, "是", nameof(MemberInput.IsMigrantWorker), "True")]
    [InlineData(MemberTemplate.Migrant, "否", nameof(MemberInput.IsMigrantWorker), "False")]
    public void Template_enumerations_accept_the_usual_spellings(string column, string value, string field, string expected)
    {
        var (input, _, problems) = MemberTemplate.Read(c => c == column ? value : null);
        problems.ShouldBeEmpty();
        typeof(MemberInput).GetProperty(field)!.GetValue(input)!.ToString().ShouldBe(expected);
    }

    [Fact]
    public void An_unknown_spelling_is_a_problem_of_its_field()
    {
        var (_, _, problems) = MemberTemplate.Read(c => c == MemberTemplate.EmploymentForm ? "打零工的" : null);
        problems.Single().Reason.ShouldBe(nameof(MemberInput.EmploymentForm));
    }

    [Fact]
    public void Alternative_headers_are_matched_to_the_template_and_required_ones_left_open_are_named()
    {
        string[] headers = ["序号", " 所属工会 ", "身份证号码*", "职工姓名", "联系电话", "文化程度", "就业形式（必填）", "单位"];
        var layout = TemplateColumns.Match(headers, null, null);
        layout.Missing.ShouldBeEmpty();
        layout.Columns[MemberTemplate.UnionCode].ShouldBe(1);
        layout.Columns[MemberTemplate.IdNumber].ShouldBe(2);
        layout.Columns[MemberTemplate.Name].ShouldBe(3);
        layout.Columns[MemberTemplate.Phone].ShouldBe(4);
        layout.Columns[MemberTemplate.Education].ShouldBe(5);
        layout.Columns[MemberTemplate.EmploymentForm].ShouldBe(6);
        layout.Columns[MemberTemplate.Employer].ShouldBe(7);

        var open = TemplateColumns.Match(["姓名", "证件号码", "编号", "工种"], null, null);
        open.Missing.ShouldBe([MemberTemplate.UnionCode, MemberTemplate.EmploymentForm]);
        var chosen = TemplateColumns.Match(["姓名", "证件号码", "编号", "工种"], new Dictionary<string, string> { [MemberTemplate.UnionCode] = "编号" },
            new Dictionary<string, string> { [MemberTemplate.EmploymentForm] = "工种" });
        chosen.Missing.ShouldBeEmpty();
        chosen.Columns[MemberTemplate.UnionCode].ShouldBe(2);
        chosen.Columns[MemberTemplate.EmploymentForm].ShouldBe(3);
    }

    [Fact]
    public void A_title_row_above_the_header_is_skipped_and_row_numbers_stay_those_of_the_file()
    {
        var csv = "某某公司工会会员名册,,\n\n姓名,身份证号,所属工会,就业形式\n张三,1,J1,合同制\n";
        using var file = ImportFile.Open(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), xlsx: false);
        file.Layout.Missing.ShouldBeEmpty();
        var row = file.Rows().Single();
        row.Number.ShouldBe(4);
        file.CellsOf(row)(MemberTemplate.UnionCode).ShouldBe("J1");
    }
}