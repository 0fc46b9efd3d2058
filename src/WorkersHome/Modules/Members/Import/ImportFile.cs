using System.Globalization;
using System.Text;

using CsvHelper;
using CsvHelper.Configuration;

using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Files;

namespace WorkersHome.Modules.Members.Import;

/// <summary>One data row of an import file: its row number in the file (the header is row 1) and its cells.</summary>
public sealed record SourceRow(int Number, string[] Cells);

/// <summary>
/// Reads a member file (.csv or the first sheet of an .xlsx) row by row, never holding more than the
/// current row: the header is checked on opening, so a wrong file is refused before anything runs.
/// </summary>
public sealed class ImportFile : IDisposable
{
    private readonly IDisposable _owner;
    private readonly IEnumerator<SourceRow> _rows;

    private ImportFile(string[] headers, IEnumerator<SourceRow> rows, IDisposable owner)
    {
        Headers = headers;
        _rows = rows;
        _owner = owner;
    }

    public string[] Headers { get; }

    /// <summary>Opens <paramref name="stream"/>, which the file then owns; .xlsx needs a seekable stream.</summary>
    public static ImportFile Open(Stream stream, bool xlsx)
    {
        try
        {
            return xlsx ? OpenXlsx(stream) : OpenCsv(stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public IEnumerable<SourceRow> Rows()
    {
        while (_rows.MoveNext())
        {
            if (!_rows.Current.Cells.All(string.IsNullOrWhiteSpace))
            {
                yield return _rows.Current;
            }
        }
    }

    /// <summary>
    /// The cell under <paramref name="column"/>, or null when the file has no such column. A cell our own export
    /// guarded against formula injection ('=…) is read without the quote, so that an export imports again unchanged.
    /// </summary>
    public Func<string, string?> CellsOf(SourceRow row) => column =>
    {
        var index = Array.IndexOf(Headers, column);
        var cell = index >= 0 && index < row.Cells.Length ? row.Cells[index] : null;
        return cell is not null && SpreadsheetCells.WasGuarded(cell) ? cell[1..] : cell;
    };

    public void Dispose()
    {
        _rows.Dispose();
        _owner.Dispose();
    }

    private static ImportFile OpenCsv(Stream stream)
    {
        var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var parser = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        try
        {
            if (!parser.Read() || !parser.ReadHeader())
            {
                Empty();
            }

            var headers = CheckHeaders(parser.HeaderRecord!);
            return new ImportFile(headers, CsvRows(parser).GetEnumerator(), parser);
        }
        catch
        {
            parser.Dispose();
            throw;
        }
    }

    private static IEnumerable<SourceRow> CsvRows(CsvReader parser)
    {
        while (parser.Read())
        {
            yield return new SourceRow(parser.Parser.Row, parser.Parser.Record ?? []);
        }
    }

    private static ImportFile OpenXlsx(Stream stream)
    {
        IEnumerator<SourceRow>? rows = null;
        try
        {
            rows = XlsxRows(stream).GetEnumerator();
            if (!rows.MoveNext())
            {
                Empty();
            }

            var headers = CheckHeaders(rows.Current.Cells);
            return new ImportFile(headers, rows, stream);
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Xml.XmlException or InvalidOperationException)
        {
            rows?.Dispose();
            new FieldErrors().Add("file", "无法读取该 Excel 文件，请确认是 .xlsx 格式", "The Excel file cannot be read; check it is .xlsx").ThrowIfAny();
            throw;
        }
    }

    private static IEnumerable<SourceRow> XlsxRows(Stream stream)
    {
        var number = 0;
        foreach (IDictionary<string, object?> sheetRow in MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: false))
        {
            number++;
            yield return new SourceRow(number, sheetRow.Values.Select(XlsxText).ToArray());
        }
    }

    /// <summary>Dates and numbers as the template's text: 2015-06-01, and whole numbers without a decimal point.</summary>
    private static string XlsxText(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n when n == Math.Floor(n) && Math.Abs(n) < 1e15 => ((long)n).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string[] CheckHeaders(string[] raw)
    {
        var headers = raw.Select(h => h.Trim()).ToArray();
        var missing = MemberTemplate.Required.Where(r => !headers.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            new FieldErrors().Add("file", "缺少列：" + string.Join("、", missing) + "（请使用导入模板）",
                "Missing columns: " + string.Join(", ", missing) + " (use the import template)").ThrowIfAny();
        }

        return headers;
    }

    private static void Empty() =>
        new FieldErrors().Add("file", "文件为空或没有表头", "The file is empty or has no header row").ThrowIfAny();
}