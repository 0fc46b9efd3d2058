using System.Globalization;
using System.Text;

using CsvHelper;
using CsvHelper.Configuration;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Register;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Members.Import;

/// <summary>
/// Imports a member file in the published template. Every row is checked first (data standard, union
/// in scope, duplicates inside the file, people on record elsewhere); then, in one transaction, new
/// people are added and changed records updated, with counts, history and one audit entry. Importing
/// the same file again changes nothing.
/// </summary>
public sealed class ImportMembers(
    AppDbContext db, MemberValidator validator, MemberRecord record, IOrgDirectory orgs, IOrgRollupWriter rollups, Statistics.MemberStatsWriter stats,
    AuditTrail audit, CurrentCadre cadre, TimeProvider clock)
{
    private const int LookupBatch = 500;

    private sealed record Row(int Number, string[] Cells)
    {
        public string? Error { get; set; }

        public ValidMember? Valid { get; set; }

        public OrgSummary? Union { get; set; }

        public string? IdHash { get; set; }
    }

    public async Task<MemberImport> ExecuteAsync(Stream csv, string fileName, ImportMode mode, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime.AddHours(8));
        var (headers, rows) = IsXlsx(fileName) ? await ReadXlsxAsync(csv, ct) : await ReadAsync(csv, ct);
        var unions = await orgs.FindByCodesAsync(rows.Select(r => Cell(headers, r, MemberTemplate.UnionCode)?.Trim() ?? "").Where(c => c.Length > 0), ct);
        var firstRowOfPerson = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            await CheckRowAsync(headers, row, unions, today, firstRowOfPerson, ct);
        }

        var existing = await LoadExistingAsync(rows.Where(r => r.Error is null).Select(r => r.IdHash!), ct);
        var result = new MemberImport
        {
            Id = Guid.NewGuid(),
            At = now,
            ActorName = cadre.UserNameOrNull ?? "system",
            OrgPath = cadre.OrgPath,
            FileName = Path.GetFileName(fileName),
            Mode = mode,
            Rows = rows.Count,
        };
        var toAdd = new List<Member>();
        foreach (var row in rows.Where(r => r.Error is null))
        {
            if (!existing.TryGetValue(row.IdHash!, out var onRecord))
            {
                toAdd.Add(record.Create(row.Valid!, row.Union!, now));
                continue;
            }

            if (onRecord.OrgId != row.Union!.Id)
            {
                row.Error = RegisterMember.OnRecordElsewhere(await orgs.FindInScopeAsync(onRecord.OrgId, ct));
                continue;
            }

            if (record.Differs(onRecord, row.Valid!))
            {
                stats.Add(onRecord.OrgPath, Statistics.Contribution.Of(onRecord).Negate());
                record.Apply(onRecord, row.Valid!, now);
                stats.Add(onRecord.OrgPath, Statistics.Contribution.Of(onRecord));
                onRecord.Version++;
                result.Updated++;
            }
            else
            {
                result.Unchanged++;
            }
        }

        result.Rejected = rows.Count(r => r.Error is not null);
        result.Added = toAdd.Count;
        result.Applied = mode == ImportMode.ValidRows || result.Rejected == 0;
        result.ErrorReport = result.Rejected > 0 ? Report(headers, rows) : null;
        if (!result.Applied)
        {
            db.ChangeTracker.Clear();
            result.Added = result.Updated = result.Unchanged = 0;
        }

        await SaveAsync(result, toAdd, ct);
        return result;
    }

    private async Task SaveAsync(MemberImport result, List<Member> toAdd, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (result.Applied)
        {
            db.Members.AddRange(toAdd);
            db.MembershipEvents.AddRange(toAdd.Select(m => new MembershipEvent
            {
                MemberId = m.Id,
                OrgId = m.OrgId,
                At = result.At,
                Status = MembershipStatus.Active,
                Note = "批量导入：" + result.FileName,
                ActorName = result.ActorName,
            }));
        }

        db.Set<MemberImport>().Add(result);
        audit.Record(MemberAuditActions.Imported, "member-import", result.Id.ToString(), result.OrgPath, new
        {
            result.FileName,
            result.Mode,
            result.Rows,
            result.Added,
            result.Updated,
            result.Unchanged,
            result.Rejected,
            result.Applied,
        });
        await db.SaveChangesAsync(ct);
        if (result.Applied)
        {
            foreach (var union in toAdd.GroupBy(m => m.OrgId))
            {
                await rollups.AdjustMembersAsync(union.Key, union.Count(), ct);
            }

            foreach (var member in toAdd)
            {
                stats.Add(member.OrgPath, Statistics.Contribution.Of(member));
            }

            await stats.FlushAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private async Task CheckRowAsync(string[] headers, Row row, IReadOnlyDictionary<string, OrgSummary> unions, DateOnly today,
        Dictionary<string, int> firstRowOfPerson, CancellationToken ct)
    {
        var (input, unionCode, problems) = MemberTemplate.Read(column => Cell(headers, row, column));
        if (!unions.TryGetValue(unionCode, out var union) || !union.IsActive || union.Level != RegisterMember.GrassrootsLevel)
        {
            problems.Add(Loc.T($"基层工会代码“{unionCode}”不存在或不在您的管辖范围内", $"Union code '{unionCode}' does not exist or is outside your part of the tree"));
        }

        try
        {
            row.Valid = await validator.ValidateAsync(input, today, ct);
        }
        catch (ValidationFailedException ex)
        {
            problems.AddRange(ex.Errors.SelectMany(e => e.Value));
        }

        if (problems.Count == 0)
        {
            row.IdHash = record.IdHash(row.Valid!);
            if (firstRowOfPerson.TryGetValue(row.IdHash, out var first))
            {
                problems.Add(Loc.T($"与第 {first} 行证件号码重复", $"Same ID number as row {first}"));
            }
            else
            {
                firstRowOfPerson[row.IdHash] = row.Number;
            }
        }

        row.Union = union;
        row.Error = problems.Count > 0 ? string.Join("；", problems) : null;
    }

    private async Task<Dictionary<string, Member>> LoadExistingAsync(IEnumerable<string> hashes, CancellationToken ct)
    {
        var found = new Dictionary<string, Member>(StringComparer.Ordinal);
        foreach (var chunk in hashes.Chunk(LookupBatch))
        {
            // The whole country: one person, one record. Records outside the scope are only compared, never shown.
            foreach (var m in await db.Members.IgnoreQueryFilters().Where(m => chunk.Contains(m.IdHash)).ToListAsync(ct))
            {
                found[m.IdHash] = m;
            }
        }

        return found;
    }

    public static bool IsXlsx(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    private static void CheckHeaders(string[] headers)
    {
        var missing = MemberTemplate.Required.Where(r => !headers.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            new FieldErrors().Add("file", "缺少列：" + string.Join("、", missing) + "（请使用导入模板）",
                "Missing columns: " + string.Join(", ", missing) + " (use the import template)").ThrowIfAny();
        }
    }

    /// <summary>The first sheet of an .xlsx file, read row by row; dates and numbers become template text.</summary>
    private static async Task<(string[] Headers, List<Row> Rows)> ReadXlsxAsync(Stream xlsx, CancellationToken ct)
    {
        // The xlsx container needs seeking; request bodies cannot seek.
        using var buffer = new MemoryStream();
        await xlsx.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        string[]? headers = null;
        var rows = new List<Row>();
        var number = 0;
        try
        {
            foreach (IDictionary<string, object?> sheetRow in MiniExcelLibs.MiniExcel.Query(buffer, useHeaderRow: false))
            {
                ct.ThrowIfCancellationRequested();
                number++;
                var cells = sheetRow.Values.Select(XlsxText).ToArray();
                if (headers is null)
                {
                    headers = cells.Select(c => c.Trim()).ToArray();
                    CheckHeaders(headers);
                    continue;
                }

                if (!cells.All(string.IsNullOrWhiteSpace))
                {
                    rows.Add(new Row(number, cells));
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Xml.XmlException or InvalidOperationException)
        {
            new FieldErrors().Add("file", "无法读取该 Excel 文件，请确认是 .xlsx 格式", "The Excel file cannot be read; check it is .xlsx").ThrowIfAny();
        }

        if (headers is null)
        {
            new FieldErrors().Add("file", "文件为空或没有表头", "The file is empty or has no header row").ThrowIfAny();
        }

        return (headers!, rows);
    }

    private static string XlsxText(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n when n == Math.Floor(n) && Math.Abs(n) < 1e15 => ((long)n).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static async Task<(string[] Headers, List<Row> Rows)> ReadAsync(Stream csv, CancellationToken ct)
    {
        using var reader = new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        if (!await parser.ReadAsync() || !parser.ReadHeader())
        {
            new FieldErrors().Add("file", "文件为空或没有表头", "The file is empty or has no header row").ThrowIfAny();
        }

        var headers = parser.HeaderRecord!.Select(h => h.Trim()).ToArray();
        CheckHeaders(headers);

        var rows = new List<Row>();
        while (await parser.ReadAsync())
        {
            ct.ThrowIfCancellationRequested();
            var cells = parser.Parser.Record ?? [];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            rows.Add(new Row(parser.Parser.Row, cells));
        }

        return (headers, rows);
    }

    private static string? Cell(string[] headers, Row row, string column)
    {
        var index = Array.IndexOf(headers, column);
        return index >= 0 && index < row.Cells.Length ? row.Cells[index] : null;
    }

    private static string Report(string[] headers, List<Row> rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var header in headers.Append(MemberTemplate.ErrorColumn))
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row.Cells.Concat(Enumerable.Repeat("", Math.Max(0, headers.Length - row.Cells.Length))).Take(headers.Length))
                {
                    csv.WriteField(cell);
                }

                csv.WriteField(row.Error ?? "");
                csv.NextRecord();
            }
        }

        return writer.ToString();
    }
}