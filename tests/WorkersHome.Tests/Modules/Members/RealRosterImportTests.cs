using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Members;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Members;

/// <summary>
/// A roster as a grassroots union keeps it in Excel — its own title row, its own column names and order,
/// full-width digits, +86 phones, 大学本科 and 汉 — imports without retyping; only the truly invalid rows are refused.
/// </summary>
public sealed partial class RealRosterImportTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] Headers =
        ["序号", "职工姓名", "性别", "身份证号码", "联系电话", "民族", "文化程度", "政治面貌", "所属工会", "工作单位名称", "就业形式", "平台名称", "是否农民工", "入会时间"];

    private HttpClient Officer => fixture.Factory.Api(fixture.World.User("zz.officer"));

    /// <summary>Distinct people per sequence: ID numbers hold 500 per birth date and gender, so the thousands pick the birth year.</summary>
    private static string Id(int sequence, Gender gender = Gender.Male, int year = 1980) =>
        ResidentIdNumber.Compose("410122", new DateOnly(year + sequence / 1000, 7, 7), sequence % 1000, gender);

    private static string FullWidth(string digits) => string.Concat(digits.Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + '０') : c));

    /// <summary>An ID whose check character is X, written with a lowercase x as people type it.</summary>
    private static string IdEndingInX(int from)
    {
        for (var sequence = from; ; sequence++)
        {
            var id = Id(sequence, Gender.Female, 1975);
            if (id.EndsWith('X'))
            {
                return id[..^1] + "x";
            }
        }
    }

    /// <summary>
    /// The roster: 9 rows a cadre would call good, however they are spelt, and 4 that are really wrong. The
    /// join date of the first row is an Excel day serial (42156 = 2015-06-01), as a number in .xlsx and as text in .csv.
    /// </summary>
    private static List<object?[]> Roster(int offset, bool xlsx)
    {
        var union = TestWorld.ZhengzhouUnionCode;
        var badCheck = Id(offset + 10)[..17] + (Id(offset + 10)[17] == '1' ? "2" : "1");
        return
        [
            [1, "张伟", "男", FullWidth(Id(offset + 1)), "+86 183-7809-1341", "汉", "大学本科", "群众", union, "郑州测试机械有限公司", "合同制", "", "否", xlsx ? 42156d : "42156"],
            [2, "王芳", "女性", IdEndingInX(offset + 100), "0086 139 1234 5678", "汉族", "大专", "中共党员", union, "郑州测试机械有限公司", "正式工", "", "是", "2015年6月1日"],
            [3, "阿卜杜拉·买买提", "男", Id(offset + 3), "86-13812345678", "维吾尔", "中专", "团员", union, "郑州测试机械有限公司", "派遣", "", "否", "2016.3.8"],
            [4, "李  娜", "女", Id(offset + 4, Gender.Female), "(136) 1234.5678", "回", "高中", "普通群众", FullWidth(union), "郑州测试机械有限公司", "临时工", "", "否", "20170901"],
            [5, "赵强", "男", Id(offset + 5), "１３７１２３４５６７８", "汉", "初中", "群众", union, "", "外卖骑手", "美团", "是", "2018/06/01"],
            [6, "刘洋", "男", Id(offset + 6), "", "汉族", "硕士", "党员", union, "郑州测试机械有限公司", "灵活用工", "滴滴出行", "否", "2019-6"],
            [7, "陈静", "女", Id(offset + 7, Gender.Female), "13512345678", "满", "小学", "群众", " " + union + "\u00A0", "郑州测试机械有限公司", "兼职", "", "否", ""],
            [8, "Mary-Jane O'Neil", "女", Id(offset + 8, Gender.Female), "", "其他", "本科", "无党派", union, "郑州测试机械有限公司", "全日制", "", "否", "2020-01-01"],
            [9, "杨\u200B光", "男", Id(offset + 9).ToLowerInvariant(), "\u300013312345678", "汉", "大学", "群众", union, "郑州测试机械有限公司", "劳务派遣", "", "否", "2021.5.4"],
            [10, "孙错号", "男", badCheck, "", "汉", "本科", "群众", union, "郑州测试机械有限公司", "合同制", "", "否", "2018-01-01"],
            [11, "<b>黑客</b>", "男", Id(offset + 11), "", "汉", "本科", "群众", union, "郑州测试机械有限公司", "合同制", "", "否", "2018-01-01"],
            [12, "周外单位", "男", Id(offset + 12), "", "汉", "本科", "群众", "J999999999", "别的公司", "合同制", "", "否", "2018-01-01"],
            [13, "=HYPERLINK(\"http://evil\",\"点我\")", "男", Id(offset + 13), "", "汉", "本科", "群众", union, "郑州测试机械有限公司", "合同制", "", "否", "2018-01-01"],
        ];
    }

    private const int GoodRows = 9;

    private static string Csv(IEnumerable<object?[]> rows, string title = "郑州测试机械有限公司工会会员名册", string[]? headers = null)
    {
        static string Field(object? value)
        {
            var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            return text.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
        }

        var lines = new List<string> { title, string.Join(",", headers ?? Headers) };
        lines.AddRange(rows.Select(r => string.Join(",", r.Select(Field))));
        return string.Join("\r\n", lines) + "\r\n";
    }

    private static byte[] XlsxFile(IEnumerable<object?[]> rows)
    {
        static string Column(int i) => ((char)('A' + i)).ToString();
        var sheet = new List<Dictionary<string, object?>>
        {
            new() { ["A"] = "郑州测试机械有限公司工会会员名册（2026年12月）" },
            Headers.Select((h, i) => (h, i)).ToDictionary(x => Column(x.i), x => (object?)x.h),
        };
        sheet.AddRange(rows.Select(r => r.Select((v, i) => (v, i)).ToDictionary(x => Column(x.i), x => x.v)));
        // Every row with every column, so that the sheet's columns line up as Excel would save them.
        foreach (var row in sheet)
        {
            for (var i = 0; i < Headers.Length; i++)
            {
                row.TryAdd(Column(i), null);
            }
        }

        using var output = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(output, sheet.Select(r => r.OrderBy(c => c.Key).ToDictionary(c => c.Key, c => c.Value)), printHeader: false);
        return output.ToArray();
    }

    private async Task<int> CountAsync(IEnumerable<string> ids)
    {
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var protector = (WorkersHome.Platform.Privacy.PersonalDataProtector)fixture.Factory.Services.GetService(typeof(WorkersHome.Platform.Privacy.PersonalDataProtector))!;
        var hashes = ids.Select(i => protector.BlindIndex(i.ToUpperInvariant())).ToList();
        return await db.Members.CountAsync(m => hashes.Contains(m.IdHash));
    }

    private static IEnumerable<string> GoodIds(int offset) =>
        Roster(offset, xlsx: false).Take(GoodRows).Select(r => string.Concat(((string)r[3]!).Select(c => c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c)));

    [Fact]
    public async Task A_messy_csv_roster_imports_every_good_row_and_refuses_only_the_invalid_ones()
    {
        var result = await Officer.ImportAsync(new StringContent(Csv(Roster(0, xlsx: false)), Encoding.UTF8, "text/csv"), "?mode=ValidRows&fileName=会员名册.csv");
        result.GetProperty("state").GetString().ShouldBe("Completed");
        result.GetProperty("added").GetInt32().ShouldBe(GoodRows);
        result.GetProperty("rejected").GetInt32().ShouldBe(4);
        (await CountAsync(GoodIds(0))).ShouldBe(GoodRows);

        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var zhang = await db.Members.AsNoTracking().SingleAsync(m => m.Name == "张伟");
        zhang.JoinedOn.ShouldBe(new DateOnly(2015, 6, 1));
        zhang.EducationCode.ShouldBe("20");
        zhang.EthnicityCode.ShouldBe("01");
        zhang.PoliticalStatusCode.ShouldBe("13");
        zhang.PhoneMasked.ShouldNotBeNull().ShouldEndWith("1341");
        (await db.Members.AsNoTracking().SingleAsync(m => m.Name == "王芳")).PoliticalStatusCode.ShouldBe("01");
        (await db.Members.AsNoTracking().SingleAsync(m => m.Name == "李娜")).JoinedOn.ShouldBe(new DateOnly(2017, 9, 1));
        (await db.Members.AsNoTracking().SingleAsync(m => m.Name == "赵强")).EmploymentForm.ShouldBe(EmploymentForm.Flexible);
        (await db.Members.AsNoTracking().CountAsync(m => m.Name == "杨光" || m.Name == "阿卜杜拉·买买提" || m.Name == "Mary-Jane O'Neil")).ShouldBe(3);

        // The rows are numbered as in the file: the title is row 1, the header row 2, the first member row 3.
        var rejected = await Officer.GetFromJsonAsync<JsonElement>($"/api/members/imports/{result.GetProperty("id")}/errors");
        rejected.EnumerateArray().Select(r => r.GetProperty("row").GetInt32()).ShouldBe([12, 13, 14, 15]);
        var errors = rejected.EnumerateArray().Select(r => r.GetProperty("error").GetString()!).ToList();
        errors[0].ShouldContain("校验位不正确");
        errors[1].ShouldContain("姓名只能包含汉字、字母和间隔号（·）");
        errors[2].ShouldContain("不存在或不在您的管辖范围内");
        errors[3].ShouldContain("姓名只能包含汉字、字母和间隔号（·）");
    }

    [Fact]
    public async Task A_messy_xlsx_roster_with_a_title_row_and_date_serials_imports_the_same_way()
    {
        var content = new ByteArrayContent(XlsxFile(Roster(1000, xlsx: true)));
        content.Headers.ContentType = new(Xlsx);
        var result = await Officer.ImportAsync(content, "?mode=ValidRows&fileName=会员名册.xlsx");
        var rejected = await Officer.GetStringAsync($"/api/members/imports/{result.GetProperty("id")}/errors");
        result.GetProperty("state").GetString().ShouldBe("Completed");
        result.GetProperty("added").GetInt32().ShouldBe(GoodRows, rejected);
        result.GetProperty("rejected").GetInt32().ShouldBe(4);
        (await CountAsync(GoodIds(1000))).ShouldBe(GoodRows);

        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var hashes = GoodIds(1000).Take(1).Select(i => ((WorkersHome.Platform.Privacy.PersonalDataProtector)fixture.Factory.Services
            .GetService(typeof(WorkersHome.Platform.Privacy.PersonalDataProtector))!).BlindIndex(i)).ToList();
        (await db.Members.AsNoTracking().SingleAsync(m => hashes.Contains(m.IdHash))).JoinedOn.ShouldBe(new DateOnly(2015, 6, 1));
    }

    [Fact]
    public async Task The_error_report_holds_only_the_rejected_rows_with_their_row_numbers_and_neutralises_formulas()
    {
        var result = await Officer.ImportAsync(new StringContent(Csv(Roster(2000, xlsx: false)), Encoding.UTF8, "text/csv"), "?mode=AllOrNothing&fileName=名册.csv");
        result.GetProperty("applied").GetBoolean().ShouldBeFalse();
        var report = (await Officer.GetStringAsync($"/api/members/imports/{result.GetProperty("id")}/report")).TrimStart('\uFEFF');
        using var parser = new CsvHelper.CsvParser(new StringReader(report), System.Globalization.CultureInfo.InvariantCulture);
        var records = new List<string[]>();
        while (parser.Read())
        {
            records.Add(parser.Record!);
        }

        records[0][0].ShouldBe("原行号");
        records[0][^1].ShouldBe("错误");
        records.Count.ShouldBe(5, "the header and the four rejected rows, none of the good ones");
        records.Skip(1).Select(r => r[0]).ShouldBe(["12", "13", "14", "15"]);
        records.Skip(1).Select(r => r[r.Length - 1]).ShouldAllBe(error => error.Length > 0);
        records[4][2].ShouldBe("'=HYPERLINK(\"http://evil\",\"点我\")");
        report.ShouldNotContain("张伟");
    }

    [Fact]
    public async Task The_result_summarises_rejections_by_reason_and_a_file_of_only_rejected_rows_has_failed()
    {
        var rows = Enumerable.Range(0, 6).Select(i => new object?[]
        {
            i + 1, "员工" + "甲乙丙丁戊己"[i], "男", Id(3000 + i), "", "汉", "大学本科毕业了", "群众", TestWorld.ZhengzhouUnionCode, "", "合同制", "", "否", "",
        });
        var result = await Officer.ImportAsync(new StringContent(Csv(rows), Encoding.UTF8, "text/csv"), "?mode=ValidRows&fileName=全错.csv");
        result.GetProperty("state").GetString().ShouldBe("Failed");
        result.GetProperty("allRejected").GetBoolean().ShouldBeTrue();
        result.GetProperty("applied").GetBoolean().ShouldBeFalse();
        result.GetProperty("failure").GetString().ShouldBe("全部 6 行均被拒绝，未导入任何数据");
        var reason = result.GetProperty("reasons").EnumerateArray().Single();
        reason.GetProperty("label").GetString().ShouldBe("学历无法识别");
        reason.GetProperty("rows").GetInt32().ShouldBe(6);
        reason.GetProperty("example").GetString()!.ShouldContain("大学本科毕业了");
        reason.GetProperty("firstRows").EnumerateArray().Select(r => r.GetInt32()).ShouldBe([3, 4, 5, 6, 7]);

        var page = await (await fixture.Factory.SignedInAsync(fixture.World.User("zz.officer"))).GetStringAsync("/Members/Import?id=" + result.GetProperty("id"));
        page.ShouldContain("学历无法识别");
        page.ShouldContain("6 行");
        page.ShouldContain("失败（全部行被拒绝）");
        page.ShouldNotContain("id=\"import-restart\"");
    }

    [Fact]
    public async Task Columns_the_cadre_matches_by_hand_are_remembered_for_the_union_and_used_for_its_next_file()
    {
        string[] headers = ["姓名", "身份证号码", "工会编号", "用工性质", "文化程度", "民族"];
        static object?[] Person(int sequence, string name) => [name, Id(sequence), TestWorld.ZhengzhouUnionCode, "合同制", "本科", "汉"];
        var first = Csv([Person(4001, "郭一")], title: "会员名册", headers: headers);

        // Through the API the file is refused with the missing fields and the file's own columns named.
        var refused = await Officer.PostAsync("/api/members/imports?fileName=a.csv", new StringContent(first, Encoding.UTF8, "text/csv"));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await refused.Content.ReadAsStringAsync();
        problem.ShouldContain("缺少列：基层工会代码、用工形式");
        problem.ShouldContain("工会编号");

        // On the import page the file is held, and the cadre says which column is which.
        var browser = await fixture.Factory.SignedInAsync(fixture.World.User("zz.officer"));
        var held = await UploadOnPageAsync(browser, first, "第一份.csv");
        var page = await browser.GetStringAsync(held);
        page.ShouldContain("id=\"import-columns\"");
        page.ShouldContain("<option value=\"工会编号\">工会编号</option>");
        var id = held.Split("id=")[1];
        var chosen = await WebClients.PostFormAsync(browser, $"/Members/Import?handler=Columns&id={id}", new Dictionary<string, string>
        {
            ["Chosen[姓名]"] = "姓名",
            ["Chosen[证件号码]"] = "身份证号码",
            ["Chosen[基层工会代码]"] = "工会编号",
            ["Chosen[用工形式]"] = "用工性质",
            ["Chosen[学历]"] = "文化程度",
            ["Chosen[民族]"] = "民族",
        }, held);
        chosen.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var firstResult = await Officer.FollowImportAsync(id);
        firstResult.GetProperty("added").GetInt32().ShouldBe(1, firstResult.ToString());

        // The next file of the union, through the API and the page alike, needs no asking.
        var second = await Officer.ImportAsync(new StringContent(Csv([Person(4002, "郭二")], title: "会员名册", headers: headers), Encoding.UTF8, "text/csv"),
            "?fileName=b.csv");
        second.GetProperty("added").GetInt32().ShouldBe(1);
        var third = await UploadOnPageAsync(browser, Csv([Person(4003, "郭三")], title: "会员名册", headers: headers), "第三份.csv");
        (await Officer.FollowImportAsync(third.Split("id=")[1])).GetProperty("added").GetInt32().ShouldBe(1);

        // Another union's cadre has not said so: for them the same file is still refused.
        var luoyang = fixture.Factory.Api(fixture.World.User("ly.officer"));
        (await luoyang.PostAsync("/api/members/imports?fileName=c.csv", new StringContent(first, Encoding.UTF8, "text/csv"))).StatusCode
            .ShouldBe(HttpStatusCode.BadRequest);
        // The API can say it too, and that choice is remembered for that union.
        var explicitMap = await luoyang.PostAsync("/api/members/imports?fileName=d.csv&map=" + Uri.EscapeDataString("工会编号:基层工会代码") +
            "&map=" + Uri.EscapeDataString("用工性质:用工形式"), new StringContent(first, Encoding.UTF8, "text/csv"));
        explicitMap.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task A_held_file_the_cadre_discards_ends_as_failed_and_its_stored_copy_is_deleted()
    {
        string[] headers = ["姓名", "身份证号码", "编号甲", "类别乙"];
        var file = Csv([["冯一", Id(4101), TestWorld.ZhengzhouUnionCode, "合同制"]], title: "会员名册", headers: headers);
        var browser = await fixture.Factory.SignedInAsync(fixture.World.User("zz.officer"));
        var held = await UploadOnPageAsync(browser, file, "放弃.csv");
        var id = held.Split("id=")[1];
        var page = await browser.GetStringAsync(held);
        page.ShouldContain("id=\"columns-discard\"");
        var store = fixture.Factory.Services.GetRequiredService<WorkersHome.Platform.Files.SealedFileStore>();
        store.Exists("import-" + Guid.Parse(id).ToString("N") + ".source").ShouldBeTrue();

        var discarded = await WebClients.PostFormAsync(browser, $"/Members/Import?handler=Discard&id={id}", new Dictionary<string, string>(), held);
        discarded.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var view = await Officer.GetFromJsonAsync<JsonElement>("/api/members/imports/" + id);
        view.GetProperty("state").GetString().ShouldBe("Failed");
        store.Exists("import-" + Guid.Parse(id).ToString("N") + ".source").ShouldBeFalse();
        // Once given up, it can be neither answered nor discarded again, and no member was written.
        (await Officer.PostAsJsonAsync($"/api/members/imports/{id}/columns", new { columns = new Dictionary<string, string> { ["基层工会代码"] = "编号甲" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Officer.PostAsync($"/api/members/imports/{id}/discard", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        // A cadre of another city cannot even see that it exists.
        (await fixture.Factory.Api(fixture.World.User("ly.officer")).PostAsync($"/api/members/imports/{id}/discard", null)).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>Posts a file through the import page's form, as the browser does; returns where the page sends the cadre.</summary>
    private static async Task<string> UploadOnPageAsync(HttpClient browser, string csv, string fileName)
    {
        var html = await browser.GetStringAsync("/Members/Import");
        var token = WebUtility.HtmlDecode(Antiforgery().Match(html).Groups[1].Value);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("AllOrNothing"), "Mode" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "Upload", fileName },
        };
        var response = await browser.PostAsync("/Members/Import", form);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.OriginalString;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}