using System.Text;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Members.Import;

/// <summary>Import results and their error reports, for cadres whose subtree covers the import.</summary>
public sealed class ImportQueries(AppDbContext db, CurrentCadre cadre)
{
    /// <summary>UTF-8 with a byte-order mark, so that Excel opens the Chinese text correctly.</summary>
    public static byte[] ExcelFriendlyCsv(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    public static string TemplateCsv() => string.Join(",", MemberTemplate.Headers) + "\r\n";

    /// <summary>The template as .xlsx: the member sheet with its headers, and a sheet of the code tables.</summary>
    public static byte[] TemplateXlsx(IEnumerable<CodeTables.CodeEntry> codes)
    {
        var members = new[] { MemberTemplate.Headers.ToDictionary(h => h, _ => (object?)null) };
        var table = codes.Select(c => new Dictionary<string, object?> { ["代码表"] = c.Table, ["代码"] = c.Code, ["名称"] = c.Zh, ["English"] = c.En });
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

    private static byte[] Xlsx(Dictionary<string, object> sheets)
    {
        using var output = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(output, sheets);
        return output.ToArray();
    }

    public async Task<MemberImport> GetAsync(Guid id, CancellationToken ct = default)
    {
        var import = await db.Set<MemberImport>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        return import is not null && cadre.Covers(import.OrgPath) ? import : throw new NotFoundException();
    }
}