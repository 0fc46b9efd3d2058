using System.Net;
using System.Net.Http.Json;
using System.Text;

using WorkersHome.Modules.Members;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Members;

/// <summary>Exports that a cadre opens in Excel or WPS: a formula-like cell is written as text, and the export still imports unchanged.</summary>
public sealed class MemberExportInjectionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Employer = "=HYPERLINK(\"http://x\",\"y\")";

    private HttpClient Officer => fixture.Factory.Api(fixture.World.User("zz.officer"));

    private async Task AddFormulaEmployerAsync()
    {
        var id = ResidentIdNumber.Compose("410105", new DateOnly(1986, 2, 3), 71, Gender.Male);
        var input = TestWorld.Member(fixture.World.Org(TestWorld.ZhengzhouUnionCode), "公式甲", id) with { EmployerName = Employer };
        var response = await Officer.PostAsJsonAsync("/api/members", input);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_formula_like_employer_is_written_as_text_in_csv_and_xlsx_and_the_export_imports_unchanged()
    {
        await AddFormulaEmployerAsync();
        var union = fixture.World.Org(TestWorld.ZhengzhouUnionCode);

        var csv = (await Officer.GetStringAsync($"/api/members/export.csv?orgId={union}")).TrimStart('\uFEFF');
        csv.ShouldContain("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        csv.ShouldNotContain(",\"=HYPERLINK");

        var xlsx = await Officer.GetByteArrayAsync($"/api/members/export.xlsx?orgId={union}");
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var employer = rows.Single(r => (string?)r["姓名"] == "公式甲")["工作单位"]?.ToString();
        employer.ShouldBe("'" + Employer);

        var rowCount = rows.Count;
        var result = await Officer.ImportAsync(new StringContent(csv, Encoding.UTF8, "text/csv"), "?mode=AllOrNothing&fileName=export.csv");
        result.GetProperty("rejected").GetInt32().ShouldBe(0);
        result.GetProperty("unchanged").GetInt32().ShouldBe(rowCount);
    }

    [Fact]
    public async Task An_export_of_a_node_outside_the_subtree_answers_404_before_anything_is_written()
    {
        var luoyang = fixture.Factory.Api(fixture.World.User("ly.officer"));
        var union = fixture.World.Org(TestWorld.ZhengzhouUnionCode);

        var csv = await luoyang.GetAsync($"/api/members/export.csv?orgId={union}");
        csv.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        csv.Content.Headers.ContentType?.MediaType.ShouldNotBe("text/csv");
        (await luoyang.GetAsync($"/api/members/export.xlsx?orgId={union}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}