using System.Text;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Files;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Members.Import;

/// <summary>Import results and their error reports, for cadres whose subtree covers the import.</summary>
public sealed class ImportQueries(AppDbContext db, CurrentCadre cadre, ImportProgress progress, SealedFileStore files)
{
    /// <summary>UTF-8 with a byte-order mark, so that Excel opens the Chinese text correctly.</summary>
    public static byte[] ExcelFriendlyCsv(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    public static string TemplateCsv() => string.Join(",", MemberTemplate.Headers) + "\r\n";

    /// <summary>The template as .xlsx: the member sheet with its headers, and a sheet of the code tables.</summary>
    public static byte[] TemplateXlsx(IEnumerable<CodeTables.CodeEntry> codes)
    {
        var members = new[] { MemberTemplate.Headers.ToDictionary(h => h, _ => (object?)null) };
        var table = codes.Select(c => new Dictionary<string, object?> { ["代码表"] = c.Table, ["代码"] = c.Code, ["名称"] = SpreadsheetCells.Safe(c.Zh), ["English"] = SpreadsheetCells.Safe(c.En) });
        return Xlsx(new Dictionary<string, object> { ["会员"] = members, ["代码表"] = table.ToList() });
    }

    /// <summary>A CSV text (a report or an export) as an .xlsx sheet, every cell kept as text.</summary>
    public static byte[] CsvToXlsx(string csv, string sheet)
    {
        using var reader = new CsvHelper.CsvReader(new StringReader(csv), System.Globalization.CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        var headers = reader.HeaderRecord!;
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            rows.Add(headers.Select((h, i) => (h, v: (object?)reader.GetField(i))).ToDictionary(x => x.h, x => x.v));
        }

        if (rows.Count == 0)
        {
            rows.Add(headers.ToDictionary(h => h, _ => (object?)null));
        }

        return Xlsx(new Dictionary<string, object> { [sheet] = rows });
    }

    /// <summary>
    /// A stored CSV (an error report) as an .xlsx in a temporary file that deletes itself when closed:
    /// the rows stream through, so a large report never sits in memory.
    /// </summary>
    public static async Task<Stream> CsvToXlsxFileAsync(Stream csv, string sheet, CancellationToken ct)
    {
        var output = new FileStream(Path.Combine(Path.GetTempPath(), "wh-" + Guid.NewGuid().ToString("N") + ".xlsx"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            using var records = ImportReportWriter.Read(csv).GetEnumerator();
            var headers = records.MoveNext() ? Unique(records.Current) : [];
            var rows = Remaining(records).Select(r => (IDictionary<string, object?>)headers.Select((h, i) => (h, v: (object?)(i < r.Length ? r[i] : "")))
                .ToDictionary(x => x.h, x => x.v));
            await MiniExcelLibs.MiniExcel.SaveAsAsync(output, rows, sheetName: sheet, cancellationToken: ct);
            output.Position = 0;
            return output;
        }
        catch
        {
            await output.DisposeAsync();
            throw;
        }
    }

    private static IEnumerable<string[]> Remaining(IEnumerator<string[]> records)
    {
        while (records.MoveNext())
        {
            yield return records.Current;
        }
    }

    /// <summary>A file may repeat a header (two 备注 columns); sheet columns need distinct names.</summary>
    private static string[] Unique(string[] headers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return headers.Select((h, i) => seen.Add(h) ? h : h + "(" + (i + 1) + ")").ToArray();
    }

    private static byte[] Xlsx(Dictionary<string, object> sheets)
    {
        using var output = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(output, sheets);
        return output.ToArray();
    }

    public async Task<ImportView> GetAsync(Guid id, CancellationToken ct = default) => View(await FindAsync(id, ct));

    /// <summary>The latest imports of the cadre's subtree, newest first.</summary>
    public async Task<IReadOnlyList<ImportView>> RecentAsync(int take, CancellationToken ct = default)
    {
        var from = cadre.OrgPath;
        var to = from + "~";
        var imports = await db.Set<MemberImport>().AsNoTracking()
            .Where(i => string.Compare(i.OrgPath, from) >= 0 && string.Compare(i.OrgPath, to) < 0)
            .OrderByDescending(i => i.At).Take(take).ToListAsync(ct);
        return imports.Select(View).ToList();
    }

    /// <summary>The error report as stored (CSV), for the caller to stream or convert.</summary>
    public async Task<(Stream Csv, string FileName, bool AsXlsx)> ReportAsync(Guid id, CancellationToken ct = default)
    {
        var import = await FindAsync(id, ct);
        if (!import.HasErrorReport || !files.Exists(import.ReportFile))
        {
            throw new NotFoundException();
        }

        return (files.OpenRead(import.ReportFile), "错误报告-" + import.FileName, import.IsXlsx);
    }

    /// <summary>The rejected rows of the report as row number and error, for API clients.</summary>
    public async Task<IReadOnlyList<RejectedRow>> RejectedRowsAsync(Guid id, int skip, int take, CancellationToken ct = default)
    {
        var (csv, _, _) = await ReportAsync(id, ct);
        return ImportReportWriter.Read(csv).Skip(1)
            .Select(r => new RejectedRow(int.TryParse(r[0], out var number) ? number : 0, r.Length > 1 ? r[^1] : ""))
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 1000)).ToList();
    }

    /// <summary>For a held file: its headers, the field each is matched to so far (the union's remembered choices included), and what is missing.</summary>
    public async Task<ImportColumnsView> ColumnsAsync(Guid id, CancellationToken ct = default)
    {
        var import = await FindAsync(id, ct);
        if (import.State != ImportState.AwaitingColumns || !files.Exists(import.SourceFile))
        {
            throw new NotFoundException();
        }

        var remembered = TemplateColumns.Parse(await db.Set<ImportColumnMapping>().AsNoTracking()
            .Where(m => m.OrgPath == import.OrgPath).Select(m => m.Map).FirstOrDefaultAsync(ct));
        using var file = ImportFile.Open(files.OpenRead(import.SourceFile), import.IsXlsx, new ColumnChoices(Remembered: remembered));
        var headers = file.Headers.Where(h => h.Length > 0).Distinct().ToList();
        return new ImportColumnsView(headers, file.Layout.Columns.ToDictionary(c => c.Key, c => file.Headers[c.Value]), file.Layout.Missing);
    }

    private async Task<MemberImport> FindAsync(Guid id, CancellationToken ct)
    {
        var import = await db.Set<MemberImport>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        return import is not null && cadre.Covers(import.OrgPath) ? import : throw new NotFoundException();
    }

    private ImportView View(MemberImport i)
    {
        var (rows, bytes) = progress.Live(i.Id) is { } live && i.State == ImportState.Running ? live : (i.Processed, i.BytesDone);
        var percent = i.State == ImportState.Completed || (i.State == ImportState.Failed && i.Rows > 0 && i.Rejected == i.Rows) ? 100
            : i.FileBytes == 0 ? 0 : (int)Math.Min(99, bytes * 100 / i.FileBytes);
        return new ImportView(i.Id, i.FileName, i.Mode, i.State, percent, rows, i.Rows, i.Added, i.Updated, i.Unchanged, i.Rejected, i.Applied,
            i.HasErrorReport, i.Failure, i.At, i.FinishedAt, i.ActorName, RejectionSummary.Parse(i.Summary), i.Rows > 0 && i.Rejected == i.Rows);
    }
}

public sealed record RejectedRow(int Row, string Error);

public sealed record ImportView(Guid Id, string FileName, ImportMode Mode, ImportState State, int Percent, int Processed, int Rows, int Added,
    int Updated, int Unchanged, int Rejected, bool Applied, bool HasErrorReport, string? Failure, DateTimeOffset At, DateTimeOffset? FinishedAt,
    string ActorName, IReadOnlyList<RejectionReason> Reasons, bool AllRejected)
{
    public bool IsFinished => State is ImportState.Completed or ImportState.Failed;
}

/// <summary>A held file's columns: its headers, the template field → header matches found so far, and the required fields still open.</summary>
public sealed record ImportColumnsView(IReadOnlyList<string> FileHeaders, IReadOnlyDictionary<string, string> Matched, IReadOnlyList<string> Missing);