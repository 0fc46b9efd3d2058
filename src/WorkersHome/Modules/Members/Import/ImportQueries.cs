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

    public async Task<MemberImport> GetAsync(Guid id, CancellationToken ct = default)
    {
        var import = await db.Set<MemberImport>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        return import is not null && cadre.Covers(import.OrgPath) ? import : throw new NotFoundException();
    }
}