using System.Text;

using WorkersHome.Modules.Members.Import;
using WorkersHome.Platform.Errors;

namespace WorkersHome.Tests.Modules.Members;

/// <summary>How ImportFile turns a .csv or .xlsx roster into rows: header search, row numbers, cell text, and files it cannot read.</summary>
public sealed class ImportFileReadingTests
{
    private static readonly string[] Header = [MemberTemplate.Name, MemberTemplate.IdNumber, MemberTemplate.UnionCode, MemberTemplate.EmploymentForm, MemberTemplate.JoinedOn];

    [Fact]
    public void A_csv_with_a_bom_quotes_and_ragged_rows_reads_cell_for_cell_with_file_row_numbers()
    {
        var csv = "\uFEFF" + string.Join(',', Header) + "\n" +
            "\"张,三\",\"1\"\"2\",J1,合同制,2015-06-01\n" +
            "\n" +
            "李四,3,J2\n" +
            "王五,4,J3,派遣,2016-01-01,extra\n" +
            "\"赵\n六\",5,J4,合同制,\n";
        using var file = ImportFile.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv)), xlsx: false);
        file.Headers.ShouldBe(Header);
        file.Layout.Missing.ShouldBeEmpty();
        var rows = file.Rows().ToList();
        rows.Select(r => r.Number).ShouldBe([2, 4, 5, 6]);
        rows[0].Cells.ShouldBe(["张,三", "1\"2", "J1", "合同制", "2015-06-01"]);
        file.CellsOf(rows[1])(MemberTemplate.EmploymentForm).ShouldBeNull();
        rows[2].Cells.Length.ShouldBe(6);
        rows[3].Cells[0].ShouldBe("赵\n六");
        file.CellsOf(rows[3])(MemberTemplate.JoinedOn).ShouldBe("");
    }

    [Fact]
    public void A_csv_is_comma_separated_even_when_its_title_row_has_semicolons()
    {
        var csv = "名册;2026;第一批\n" + string.Join(',', Header) + "\n张三,1,J1,合同制,\n";
        using var file = ImportFile.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv)), xlsx: false);
        file.Layout.Missing.ShouldBeEmpty();
        var row = file.Rows().Single();
        row.Number.ShouldBe(3);
        file.CellsOf(row)(MemberTemplate.UnionCode).ShouldBe("J1");
    }

    [Fact]
    public void The_first_sheet_of_an_xlsx_gives_dates_whole_numbers_and_empty_cells_as_the_template_writes_them()
    {
        var first = new List<Dictionary<string, object?>>
        {
            new() { ["A"] = "某某公司工会会员名册", ["B"] = null, ["C"] = null, ["D"] = null, ["E"] = null },
            new() { ["A"] = Header[0], ["B"] = Header[1], ["C"] = Header[2], ["D"] = Header[3], ["E"] = Header[4] },
            new() { ["A"] = "张三", ["B"] = "110105194912310021", ["C"] = 1001, ["D"] = "合同制", ["E"] = new DateTime(2015, 6, 1) },
            new() { ["A"] = "李四", ["B"] = "11010519491231002X", ["C"] = 2.5, ["D"] = null, ["E"] = null },
        };
        var second = new List<Dictionary<string, object?>> { new() { ["A"] = "不该读到" } };
        var output = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(output, new Dictionary<string, object> { ["名册"] = first, ["其他"] = second }, printHeader: false);

        using var file = ImportFile.Open(new MemoryStream(output.ToArray()), xlsx: true);
        file.Headers.ShouldBe(Header);
        var rows = file.Rows().ToList();
        rows.Select(r => r.Number).ShouldBe([3, 4]);
        file.CellsOf(rows[0])(MemberTemplate.UnionCode).ShouldBe("1001");
        file.CellsOf(rows[0])(MemberTemplate.JoinedOn).ShouldBe("2015-06-01");
        file.CellsOf(rows[1])(MemberTemplate.IdNumber).ShouldBe("11010519491231002X");
        file.CellsOf(rows[1])(MemberTemplate.UnionCode).ShouldBe("2.5");
        file.CellsOf(rows[1])(MemberTemplate.EmploymentForm).ShouldBe("");
    }

    [Theory]
    [InlineData("not a spreadsheet at all")]
    [InlineData("PK\u0003\u0004 broken zip")]
    [InlineData("")]
    public void A_file_that_is_no_xlsx_is_refused_in_words(string content)
    {
        var ex = Should.Throw<ValidationFailedException>(() => ImportFile.Open(new MemoryStream(Encoding.UTF8.GetBytes(content)), xlsx: true));
        ex.Errors["file"].ShouldContain(m => m.Contains("无法读取该 Excel 文件", StringComparison.Ordinal));
    }

    [Fact]
    public void A_zip_that_is_no_workbook_is_refused_in_words()
    {
        var output = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("hello");
        }

        var ex = Should.Throw<ValidationFailedException>(() => ImportFile.Open(new MemoryStream(output.ToArray()), xlsx: true));
        ex.Errors["file"].ShouldContain(m => m.Contains("无法读取该 Excel 文件", StringComparison.Ordinal));
    }
}