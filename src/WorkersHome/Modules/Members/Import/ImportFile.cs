using WorkersHome.Modules.Members.Register;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Files;

namespace WorkersHome.Modules.Members.Import;

/// <summary>One data row of an import file: its row number in the file (the header is row 1) and its cells.</summary>
public sealed record SourceRow(int Number, string[] Cells);

/// <summary>The column choices to read a file with: the cadre's explicit ones and the union's remembered ones (field → header).</summary>
public sealed record ColumnChoices(IReadOnlyDictionary<string, string>? Chosen = null, IReadOnlyDictionary<string, string>? Remembered = null)
{
    public static readonly ColumnChoices None = new();
}

/// <summary>
/// Reads a member file (.csv or the first sheet of an .xlsx) row by row, never holding more than a few
/// rows: the header row is found on opening (below a title row such as "XX公司工会会员名册" if there is
/// one) and matched to the template's fields, so a file whose columns cannot be told is stopped before
/// anything runs.
/// </summary>
public sealed class ImportFile : IDisposable
{
    /// <summary>How far down a header row is looked for (title rows, notes, blank lines above it).</summary>
    private const int HeaderSearchRows = 10;

    private readonly IDisposable _owner;
    private readonly IEnumerator<SourceRow> _rows;
    private readonly Queue<SourceRow> _pending;

    private ImportFile(string[] headers, ColumnLayout layout, Queue<SourceRow> pending, IEnumerator<SourceRow> rows, IDisposable owner)
    {
        Headers = headers;
        Layout = layout;
        _pending = pending;
        _rows = rows;
        _owner = owner;
    }

    /// <summary>The file's own header row, as written.</summary>
    public string[] Headers { get; }

    public ColumnLayout Layout { get; }

    /// <summary>Opens <paramref name="stream"/>, which the file then owns; .xlsx needs a seekable stream.</summary>
    public static ImportFile Open(Stream stream, bool xlsx, ColumnChoices? choices = null)
    {
        IEnumerator<SourceRow>? rows = null;
        IDisposable? reader = null;
        try
        {
            var (source, owner) = xlsx ? XlsxSourceRows.Open(stream) : CsvSourceRows.Open(stream);
            reader = owner;
            rows = source.GetEnumerator();
            return FindHeader(rows, new Owners(reader, stream), choices ?? ColumnChoices.None);
        }
        catch (Exception ex) when (xlsx && Unreadable(ex))
        {
            rows?.Dispose();
            reader?.Dispose();
            stream.Dispose();
            new FieldErrors().Add("file", "无法读取该 Excel 文件，请确认是 .xlsx 格式", "The Excel file cannot be read; check it is .xlsx").ThrowIfAny();
            throw;
        }
        catch
        {
            rows?.Dispose();
            reader?.Dispose();
            stream.Dispose();
            throw;
        }
    }

    /// <summary>What a file that is not a well-formed .xlsx throws: no zip, a part missing or broken, or not a workbook at all.</summary>
    private static bool Unreadable(Exception ex) => ex is InvalidDataException or System.Xml.XmlException or InvalidOperationException
        or ExcelDataReader.Exceptions.ExcelReaderException or FormatException or EndOfStreamException;

    /// <summary>Refuses the file, naming the required fields it lacks and the columns it has.</summary>
    public void ThrowIfColumnsMissing()
    {
        var missing = Layout.Missing;
        if (missing.Count > 0)
        {
            var have = string.Join("、", Headers.Where(h => h.Length > 0));
            new FieldErrors().Add("file",
                "缺少列：" + string.Join("、", missing) + "（请使用导入模板，或指定文件中哪一列对应；文件中的列：" + have + "）",
                "Missing columns: " + string.Join(", ", missing) + " (use the import template or say which column is which; the file has: " + have + ")").ThrowIfAny();
        }
    }

    public IEnumerable<SourceRow> Rows()
    {
        while (_pending.TryDequeue(out var buffered) || (_rows.MoveNext() && (buffered = _rows.Current) is not null))
        {
            if (!buffered.Cells.All(string.IsNullOrWhiteSpace))
            {
                yield return buffered;
            }
        }
    }

    /// <summary>
    /// The cell of <paramref name="row"/> under a template field, or null when the file has no such column. A cell our
    /// own export guarded against formula injection ('=…) is read without the quote, so that an export imports again unchanged.
    /// </summary>
    public Func<string, string?> CellsOf(SourceRow row) => field =>
    {
        var cell = Layout.Columns.TryGetValue(field, out var index) && index < row.Cells.Length ? row.Cells[index] : null;
        return cell is not null && SpreadsheetCells.WasGuarded(cell) ? cell[1..] : cell;
    };

    public void Dispose()
    {
        _rows.Dispose();
        _owner.Dispose();
    }

    /// <summary>The header row is the one among the first few that names the most known columns; the first non-empty row if none does.</summary>
    private static ImportFile FindHeader(IEnumerator<SourceRow> rows, IDisposable owner, ColumnChoices choices)
    {
        var seen = new List<SourceRow>();
        while (seen.Count < HeaderSearchRows && rows.MoveNext())
        {
            if (!rows.Current.Cells.All(string.IsNullOrWhiteSpace))
            {
                seen.Add(rows.Current);
            }
        }

        if (seen.Count == 0)
        {
            Empty();
        }

        var header = seen.Select((row, i) => (row, i, known: TemplateColumns.Recognised(row.Cells, choices.Chosen, choices.Remembered)))
            .OrderByDescending(x => x.known).ThenBy(x => x.i).First();
        var index = header.known > 0 ? header.i : 0;
        var headers = seen[index].Cells.Select(h => InputText.Clean(h) ?? "").ToArray();
        var layout = TemplateColumns.Match(headers, choices.Chosen, choices.Remembered);
        return new ImportFile(headers, layout, new Queue<SourceRow>(seen.Skip(index + 1)), rows, owner);
    }

    /// <summary>The reader and the stream under it, disposed together (a reader may or may not close its stream).</summary>
    private sealed class Owners(IDisposable reader, Stream stream) : IDisposable
    {
        public void Dispose()
        {
            reader.Dispose();
            stream.Dispose();
        }
    }

    private static void Empty() =>
        new FieldErrors().Add("file", "文件为空或没有表头", "The file is empty or has no header row").ThrowIfAny();
}