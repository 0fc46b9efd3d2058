using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Members.CodeTables;

/// <summary>Code tables read once per request (or per import) into an immutable snapshot.</summary>
public sealed class CodeTableCache(AppDbContext db)
{
    private CodeTableSnapshot? _snapshot;

    public async Task<CodeTableSnapshot> SnapshotAsync(CancellationToken ct) =>
        _snapshot ??= new CodeTableSnapshot(
            await db.CodeEntries.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct),
            await db.Set<CodeSynonym>().AsNoTracking().OrderBy(s => s.Text).ToListAsync(ct));

    public async Task<IReadOnlyList<CodeEntry>> EntriesAsync(string table, CancellationToken ct) => (await SnapshotAsync(ct)).Entries(table);

    public async Task<string?> ResolveAsync(string table, string? value, CancellationToken ct) => (await SnapshotAsync(ct)).Resolve(table, value);
}

/// <summary>
/// The code tables at one moment: resolves a code, a Chinese label, an English label or a synonym to the code,
/// after the same normalisation as every other input (full-width folded, spaces trimmed, case ignored).
/// Immutable, so that an import may validate rows on several threads at once.
/// </summary>
public sealed class CodeTableSnapshot
{
    private readonly Dictionary<string, List<CodeEntry>> _entries;
    private readonly Dictionary<string, List<CodeSynonym>> _synonyms;
    private readonly Dictionary<string, Dictionary<string, string>> _lookup;

    public CodeTableSnapshot(IEnumerable<CodeEntry> entries, IEnumerable<CodeSynonym>? synonyms = null)
    {
        _entries = entries.GroupBy(c => c.Table).ToDictionary(g => g.Key, g => g.ToList());
        _synonyms = (synonyms ?? []).GroupBy(s => s.Table).ToDictionary(g => g.Key, g => g.ToList());
        _lookup = _entries.ToDictionary(t => t.Key, t =>
        {
            var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            // Synonyms first, then labels, codes last: a code always wins over a label that happens to look like one.
            foreach (var s in Synonyms(t.Key))
            {
                keys[Register.InputText.Clean(s.Text)!] = s.Code;
            }

            foreach (var e in t.Value)
            {
                keys[e.En] = e.Code;
                keys[e.Zh] = e.Code;
            }

            foreach (var e in t.Value)
            {
                keys[e.Code] = e.Code;
            }

            return keys;
        });
    }

    public IReadOnlyList<CodeEntry> Entries(string table) => _entries.TryGetValue(table, out var entries) ? entries : [];

    public IReadOnlyList<CodeSynonym> Synonyms(string table) => _synonyms.TryGetValue(table, out var synonyms) ? synonyms : [];

    public string? Resolve(string table, string? value)
    {
        var v = Register.InputText.Clean(value);
        if (string.IsNullOrEmpty(v) || !_lookup.TryGetValue(table, out var keys))
        {
            return null;
        }

        return keys.TryGetValue(v, out var code) || keys.TryGetValue(v.PadLeft(2, '0'), out code) ? code : null;
    }
}