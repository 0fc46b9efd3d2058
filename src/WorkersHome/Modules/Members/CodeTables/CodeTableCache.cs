using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Members.CodeTables;

/// <summary>Code tables read once per request: resolves a code, a Chinese label or an English label to the code.</summary>
public sealed class CodeTableCache(AppDbContext db)
{
    private Dictionary<string, List<CodeEntry>>? _tables;

    public async Task<IReadOnlyList<CodeEntry>> EntriesAsync(string table, CancellationToken ct)
    {
        _tables ??= (await db.CodeEntries.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct))
            .GroupBy(c => c.Table).ToDictionary(g => g.Key, g => g.ToList());
        return _tables.TryGetValue(table, out var entries) ? entries : [];
    }

    public async Task<string?> ResolveAsync(string table, string? value, CancellationToken ct)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            return null;
        }

        var entries = await EntriesAsync(table, ct);
        return entries.FirstOrDefault(e => e.Code == v || e.Code == v.PadLeft(2, '0')
            || e.Zh == v || string.Equals(e.En, v, StringComparison.OrdinalIgnoreCase))?.Code;
    }
}