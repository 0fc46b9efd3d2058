using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Register;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Members.CodeTables;

public sealed record CodeSynonymInput(string? Code, string? Text);

/// <summary>
/// The system administrator teaches a code table another way people write an entry (本科 → 大学本科教育),
/// or takes one back. A spelling means one entry only: it may not be another entry's code, label or synonym.
/// </summary>
public sealed class EditCodeSynonyms(AppDbContext db, AuditTrail audit)
{
    public async Task<CodeSynonym> AddAsync(string table, CodeSynonymInput input, CancellationToken ct = default)
    {
        var entries = await EntriesAsync(table, ct);
        var errors = new FieldErrors();
        var code = input.Code?.Trim() ?? "";
        var text = InputText.Clean(input.Text) ?? "";
        if (entries.All(e => e.Code != code))
        {
            errors.Add(nameof(CodeSynonymInput.Code), "请选择本表中的代码", "Choose a code of this table");
        }

        if (text.Length is < 1 or > CodeSynonym.MaxLength)
        {
            errors.Add(nameof(CodeSynonymInput.Text), "请填写同义词（不超过 50 字）", "Enter the synonym (at most 50 characters)");
        }

        errors.ThrowIfAny();
        var clash = entries.FirstOrDefault(e => e.Code != code && (string.Equals(e.Code, text, StringComparison.OrdinalIgnoreCase)
            || e.Zh == text || string.Equals(e.En, text, StringComparison.OrdinalIgnoreCase)));
        var synonyms = await db.Set<CodeSynonym>().Where(s => s.Table == table).ToListAsync(ct);
        var taken = synonyms.FirstOrDefault(s => string.Equals(s.Text, text, StringComparison.OrdinalIgnoreCase));
        if (clash is not null || (taken is not null && taken.Code != code))
        {
            var other = clash ?? entries.First(e => e.Code == taken!.Code);
            new FieldErrors().Add(nameof(CodeSynonymInput.Text), $"“{text}”已表示本表的 {other.Code} {other.Zh}",
                $"'{text}' already means {other.Code} {other.En} in this table").ThrowIfAny();
        }

        if (taken is not null)
        {
            return taken;
        }

        var synonym = new CodeSynonym { Table = table, Code = code, Text = text };
        db.Set<CodeSynonym>().Add(synonym);
        audit.Record(MemberAuditActions.CodeTableChanged, "code-table", $"{table}/{code}", null, new { added = text });
        await db.SaveChangesAsync(ct);
        return synonym;
    }

    public async Task RemoveAsync(string table, string text, CancellationToken ct = default)
    {
        await EntriesAsync(table, ct);
        var clean = InputText.Clean(text) ?? "";
        var synonym = await db.Set<CodeSynonym>().FirstOrDefaultAsync(s => s.Table == table && s.Text == clean, ct) ?? throw new NotFoundException();
        db.Set<CodeSynonym>().Remove(synonym);
        audit.Record(MemberAuditActions.CodeTableChanged, "code-table", $"{table}/{synonym.Code}", null, new { removed = synonym.Text });
        await db.SaveChangesAsync(ct);
    }

    private async Task<List<CodeEntry>> EntriesAsync(string table, CancellationToken ct) =>
        EditCodeEntry.Tables.Contains(table) ? await db.CodeEntries.AsNoTracking().Where(c => c.Table == table).ToListAsync(ct) : throw new NotFoundException();
}