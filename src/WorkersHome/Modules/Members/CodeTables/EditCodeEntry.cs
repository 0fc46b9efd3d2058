using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Register;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Members.CodeTables;

public sealed record CodeEntryInput(string? Code, string? Zh, string? En);

/// <summary>The system administrator keeps the code tables: adds entries and corrects labels. Codes in use are never removed.</summary>
public sealed class EditCodeEntry(AppDbContext db, AuditTrail audit)
{
    public static readonly string[] Tables = [CodeTableNames.Ethnicity, CodeTableNames.Education, CodeTableNames.PoliticalStatus];

    public async Task<CodeEntry> SaveAsync(string table, CodeEntryInput input, CancellationToken ct = default)
    {
        if (!Tables.Contains(table))
        {
            throw new NotFoundException();
        }

        var errors = new FieldErrors();
        var code = input.Code?.Trim() ?? "";
        if (code.Length is < 1 or > 4 || !code.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add(nameof(CodeEntryInput.Code), "代码应为 1 到 4 位字母或数字", "A code has 1 to 4 letters or digits");
        }

        if (string.IsNullOrWhiteSpace(input.Zh) || input.Zh.Trim().Length > 50)
        {
            errors.Add(nameof(CodeEntryInput.Zh), "请填写中文名称（不超过 50 字）", "Enter the Chinese label (at most 50 characters)");
        }

        if (string.IsNullOrWhiteSpace(input.En) || input.En.Trim().Length > 100)
        {
            errors.Add(nameof(CodeEntryInput.En), "请填写英文名称（不超过 100 字）", "Enter the English label (at most 100 characters)");
        }

        errors.ThrowIfAny();
        var entries = await db.CodeEntries.Where(c => c.Table == table).ToListAsync(ct);
        if (entries.Any(e => e.Code != code && (e.Zh == input.Zh!.Trim() || string.Equals(e.En, input.En!.Trim(), StringComparison.OrdinalIgnoreCase))))
        {
            new FieldErrors().Add(nameof(CodeEntryInput.Zh), "名称已被本表其他代码使用", "Another code of this table has that label").ThrowIfAny();
        }

        var entry = entries.FirstOrDefault(e => e.Code == code);
        var before = entry is null ? null : new { entry.Zh, entry.En };
        if (entry is null)
        {
            entry = new CodeEntry { Table = table, Code = code, SortOrder = entries.Count == 0 ? 0 : entries.Max(e => e.SortOrder) + 1 };
            db.CodeEntries.Add(entry);
        }

        entry.Zh = input.Zh!.Trim();
        entry.En = input.En!.Trim();
        audit.Record(MemberAuditActions.CodeTableChanged, "code-table", $"{table}/{code}", null, new { before, after = new { entry.Zh, entry.En } });
        await db.SaveChangesAsync(ct);
        return entry;
    }
}