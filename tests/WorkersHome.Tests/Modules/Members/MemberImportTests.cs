using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Members;

public sealed class MemberImportTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Header = "姓名,性别,民族,证件类型,证件号码,出生日期,手机号码,学历,政治面貌,基层工会代码,工作单位,用工形式,平台名称,是否农民工,户籍所在地,入会日期";

    private HttpClient Officer => fixture.Factory.Api(fixture.World.User("zz.officer"));

    private static string Id(int sequence) => ResidentIdNumber.Compose("410122", new DateOnly(1988, 7, 7), sequence, Gender.Male);

    private static string Row(string name, string id, string union = TestWorld.ZhengzhouUnionCode, string ethnicity = "汉族", string form = "全日制", string migrant = "否") =>
        $"{name},男,{ethnicity},居民身份证,{id},,,大学本科教育,群众,{union},郑州测试机械有限公司,{form},,{migrant},河南省中牟县,2018-03-01";

    private async Task<JsonElement> ImportAsync(string csv, string mode)
    {
        var result = await Officer.ImportAsync(new StringContent(csv, Encoding.UTF8, "text/csv"), $"?mode={mode}&fileName=test.csv");
        result.GetProperty("state").GetString().ShouldBe("Completed");
        return result;
    }

    private async Task<int> CountAsync(params string[] ids)
    {
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var protector = fixture.Factory.Services.GetService(typeof(WorkersHome.Platform.Privacy.PersonalDataProtector)) as WorkersHome.Platform.Privacy.PersonalDataProtector;
        var hashes = ids.Select(i => protector!.BlindIndex(i)).ToList();
        return await db.Members.CountAsync(m => hashes.Contains(m.IdHash));
    }

    [Fact]
    public async Task A_clean_file_imports_and_importing_it_again_changes_nothing()
    {
        var csv = string.Join("\n", Header, Row("郑国庆", Id(11)), Row("郑爱华", Id(12), migrant: "是"), Row("郑新民", Id(13), form: "灵活就业"));
        // The flexible-work row lacks its platform: fix it the way a cadre would.
        csv = csv.Replace("灵活就业,,", "灵活就业,某网约车平台,");
        var first = await ImportAsync(csv, "AllOrNothing");
        first.GetProperty("added").GetInt32().ShouldBe(3);
        first.GetProperty("rejected").GetInt32().ShouldBe(0);
        (await CountAsync(Id(11), Id(12), Id(13))).ShouldBe(3);

        var again = await ImportAsync(csv, "AllOrNothing");
        again.GetProperty("added").GetInt32().ShouldBe(0);
        again.GetProperty("unchanged").GetInt32().ShouldBe(3);

        var changed = await ImportAsync(csv.Replace("河南省中牟县,2018-03-01\n郑爱华", "河南省中牟县,2018-03-01\n郑爱华").Replace("郑国庆,男,汉族", "郑国庆,男,回族"), "AllOrNothing");
        changed.GetProperty("updated").GetInt32().ShouldBe(1);
        changed.GetProperty("unchanged").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task All_or_nothing_keeps_nothing_and_the_report_names_each_problem_in_Chinese()
    {
        var wrongCheck = Id(21)[..17] + (Id(21)[17] == '1' ? "2" : "1");
        var csv = string.Join("\n", Header,
            Row("王好人", Id(20)),
            Row("王坏号", wrongCheck),
            Row("王重复", Id(20)),
            Row("王民族", Id(22), ethnicity: "火星族"),
            Row("王越权", Id(23), union: TestWorld.LuoyangUnionCode),
            Row("王建国", ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, Gender.Male), union: TestWorld.ZhengzhouUnionCode + "X"));
        var result = await ImportAsync(csv, "AllOrNothing");
        result.GetProperty("applied").GetBoolean().ShouldBeFalse();
        result.GetProperty("rejected").GetInt32().ShouldBe(5);
        (await CountAsync(Id(20))).ShouldBe(0, "all or nothing: even the good row is not written");

        var report = await Officer.GetStringAsync($"/api/members/imports/{result.GetProperty("id")}/report");
        var lines = report.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("原行号,姓名,");
        lines[0].ShouldEndWith("错误\r");
        lines.Length.ShouldBe(6, "only the rejected rows, each with its row number in the file");
        lines[1].ShouldStartWith("3,王坏号,");
        lines[1].ShouldContain("居民身份证号码校验位不正确");
        lines[2].ShouldStartWith("4,王重复,");
        lines[2].ShouldContain("与第 2 行证件号码重复");
        lines[3].ShouldContain("未知的民族代码或名称：火星族");
        lines[4].ShouldContain("不存在或不在您的管辖范围内");
        lines[5].ShouldStartWith("7,王建国,");
        lines[5].ShouldContain("不存在或不在您的管辖范围内");
    }

    [Fact]
    public async Task Valid_rows_mode_imports_the_good_rows_and_refuses_people_of_other_unions()
    {
        var luoyangId = ResidentIdNumber.Compose("410302", new DateOnly(1990, 8, 1), 45, Gender.Female);
        var before = (await Officer.GetFromJsonAsync<JsonElement>($"/api/organizations/{fixture.World.Org("4101")}")).GetProperty("members").GetInt32();
        var csv = string.Join("\n", Header, Row("钱进", Id(31)), Row("李秀英", luoyangId).Replace(",男,", ",女,"), Row("钱多", Id(32)));
        var result = await ImportAsync(csv, "ValidRows");
        result.GetProperty("added").GetInt32().ShouldBe(2);
        result.GetProperty("rejected").GetInt32().ShouldBe(1);
        var report = await Officer.GetStringAsync($"/api/members/imports/{result.GetProperty("id")}/report");
        report.ShouldContain("此人已是其他工会的会员，请发起会籍转接申请");
        report.ShouldNotContain("洛阳");
        (await Officer.GetFromJsonAsync<JsonElement>($"/api/organizations/{fixture.World.Org("4101")}")).GetProperty("members").GetInt32().ShouldBe(before + 2);

        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "member.imported" && a.TargetId == result.GetProperty("id").GetString());
        audit.Detail!.ShouldContain("\"Added\":2");
    }

    [Fact]
    public async Task A_file_without_the_template_columns_is_refused_whole_and_others_cannot_read_the_report()
    {
        var response = await Officer.PostAsync("/api/members/imports", new StringContent("名字,号码\n张三,1", Encoding.UTF8, "text/csv"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("缺少列：证件号码、基层工会代码、用工形式");
        var form = await Officer.PostAsync("/api/members/imports", new StringContent(Header, Encoding.UTF8, "application/x-www-form-urlencoded"));
        form.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);

        var result = await Officer.ImportAsync(new StringContent(string.Join("\n", Header, Row("孙错", "123")), Encoding.UTF8, "text/csv"), "?mode=AllOrNothing");
        result.GetProperty("state").GetString().ShouldBe("Failed", "every row was rejected");
        var luoyang = fixture.Factory.Api(fixture.World.User("ly.officer"));
        (await luoyang.GetAsync($"/api/members/imports/{result.GetProperty("id")}/report")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
public sealed class MemberExportTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_export_round_trips_through_the_import_and_is_masked_for_cadres_who_may_not_reveal()
    {
        var officer = fixture.Factory.Api(fixture.World.User("zz.officer"));
        var csv = (await officer.GetStringAsync("/api/members/export.csv")).TrimStart('\uFEFF');
        csv.ShouldStartWith("姓名,性别,民族,证件类型,证件号码");
        csv.ShouldContain("王建国,男,汉族,居民身份证," + ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, Gender.Male));
        csv.ShouldNotContain("李秀英");

        var result = await officer.ImportAsync(new StringContent(csv, Encoding.UTF8, "text/csv"), "?mode=AllOrNothing");
        result.GetProperty("unchanged").GetInt32().ShouldBe(1);
        result.GetProperty("rejected").GetInt32().ShouldBe(0);

        var sysadmin = fixture.Factory.Api(fixture.World.User("t.admin"));
        var masked = await sysadmin.GetStringAsync("/api/members/export.csv");
        masked.ShouldContain("410102********");
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.AuditEntries.CountAsync(a => a.Action == "member.exported")).ShouldBe(2);
    }
}
public sealed class MemberXlsxTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task The_xlsx_template_round_trips_and_an_xlsx_with_errors_gets_an_xlsx_report()
    {
        var officer = fixture.Factory.Api(fixture.World.User("zz.officer"));
        var template = await officer.GetByteArrayAsync("/api/members/import-template.xlsx");
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(new MemoryStream(template));
        sheets.ShouldBe(["会员", "代码表"]);

        var good = ResidentIdNumber.Compose("410181", new DateOnly(1987, 10, 10), 3, Gender.Male);
        var rows = new[]
        {
            new Dictionary<string, object?> { ["姓名"] = "表格甲", ["证件号码"] = good, ["基层工会代码"] = TestWorld.ZhengzhouUnionCode, ["用工形式"] = "全日制", ["民族"] = "01", ["入会日期"] = new DateTime(2016, 5, 4) },
            new Dictionary<string, object?> { ["姓名"] = "表格乙", ["证件号码"] = "410181198710101", ["基层工会代码"] = TestWorld.ZhengzhouUnionCode, ["用工形式"] = "全日制", ["民族"] = "01", ["入会日期"] = new DateTime(2016, 5, 4) },
        };
        using var file = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(file, rows);
        var content = new ByteArrayContent(file.ToArray());
        content.Headers.ContentType = new(Xlsx);
        var result = await officer.ImportAsync(content, "?mode=ValidRows&fileName=名册.xlsx");
        result.GetProperty("added").GetInt32().ShouldBe(1);
        result.GetProperty("rejected").GetInt32().ShouldBe(1);

        var report = await officer.GetAsync($"/api/members/imports/{result.GetProperty("id")}/report");
        report.Content.Headers.ContentType!.MediaType.ShouldBe(Xlsx);
        var reportRows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await report.Content.ReadAsByteArrayAsync()), useHeaderRow: true)
            .Cast<IDictionary<string, object?>>().ToList();
        reportRows.Count.ShouldBe(1, "only the rejected row");
        reportRows[0]["原行号"]!.ToString().ShouldBe("3");
        reportRows[0]["错误"]!.ToString()!.ShouldContain("这是 15 位旧身份证号码");

        var export = await officer.GetAsync("/api/members/export.xlsx");
        var exported = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), useHeaderRow: true)
            .Cast<IDictionary<string, object?>>().ToList();
        exported.Select(r => r["姓名"]?.ToString()).ShouldContain("表格甲");
        exported.Single(r => r["姓名"]?.ToString() == "表格甲")["证件号码"]!.ToString().ShouldBe(good);
    }
}