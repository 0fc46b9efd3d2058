using System.Globalization;

using CsvHelper;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.CodeTables;
using WorkersHome.Modules.Members.Import;
using WorkersHome.Modules.Members.Register;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Files;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Members.Browse;

/// <summary>
/// Writes the filtered list in the import template's columns, streaming, so that an export can be
/// edited and imported again. Numbers are masked unless the cadre may reveal them; every export is audited.
/// </summary>
public sealed class ExportMembers(MemberQueries queries, IOrgDirectory orgs, CodeTableCache codes, PersonalDataProtector protector,
    CurrentCadre cadre, AuditTrail audit)
{
    /// <summary>The same export as an .xlsx sheet (the API and the member page both offer it).</summary>
    public async Task<byte[]> XlsxAsync(MemberFilter filter, CancellationToken ct)
    {
        using var csv = new MemoryStream();
        await WriteCsvAsync(filter, csv, ct);
        var text = System.Text.Encoding.UTF8.GetString(csv.ToArray()).TrimStart('\uFEFF');
        return Import.ImportQueries.CsvToXlsx(text, "会员");
    }

    public async Task<int> WriteCsvAsync(MemberFilter filter, Stream output, CancellationToken ct)
    {
        var full = cadre.Has(MemberPermissions.Reveal);
        var ethnicity = (await codes.EntriesAsync(CodeTableNames.Ethnicity, ct)).ToDictionary(c => c.Code, c => c.Zh);
        var education = (await codes.EntriesAsync(CodeTableNames.Education, ct)).ToDictionary(c => c.Code, c => c.Zh);
        var political = (await codes.EntriesAsync(CodeTableNames.PoliticalStatus, ct)).ToDictionary(c => c.Code, c => c.Zh);
        // The filter's node is checked here, before the first byte goes out: a node outside the subtree must still
        // answer 404, which it no longer can once the response has started.
        var query = (await queries.FilteredAsync(filter, ct)).OrderBy(m => m.OrgPath).ThenBy(m => m.Name).ThenBy(m => m.Id);
        var rows = 0;
        await output.WriteAsync(System.Text.Encoding.UTF8.GetPreamble(), ct);
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(false), leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var header in MemberTemplate.Headers)
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync();
        // Union codes first: the member rows then stream on the one connection, with nothing else to ask for.
        var unionCodes = (await orgs.ScopedOrgs().Select(o => new { o.Id, o.Path }).ToListAsync(ct))
            .ToDictionary(o => o.Id, o => o.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1]);
        await foreach (var m in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            string[] fields =
            [
                m.Name, MemberTemplate.GenderText(m.Gender), ethnicity.GetValueOrDefault(m.EthnicityCode, m.EthnicityCode), MemberTemplate.IdTypeText(m.IdType),
                full ? protector.Decrypt(m.IdCipher) : m.IdMasked, m.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                full ? (m.PhoneCipher is null ? "" : protector.Decrypt(m.PhoneCipher)) : m.PhoneMasked ?? "",
                m.EducationCode is null ? "" : education.GetValueOrDefault(m.EducationCode, m.EducationCode),
                m.PoliticalStatusCode is null ? "" : political.GetValueOrDefault(m.PoliticalStatusCode, m.PoliticalStatusCode),
                unionCodes.GetValueOrDefault(m.OrgId, ""), m.EmployerName ?? "", MemberTemplate.FormText(m.EmploymentForm), m.PlatformName ?? "",
                m.IsMigrantWorker ? "是" : "否", m.HouseholdRegistration ?? "", m.JoinedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ];
            foreach (var field in fields)
            {
                csv.WriteField(SpreadsheetCells.Safe(field));
            }

            await csv.NextRecordAsync();
            rows++;
        }

        await csv.FlushAsync();
        await audit.RecordNowAsync(MemberAuditActions.Exported, "member-export", null, cadre.OrgPath, new { filter, rows, full }, ct: ct);
        return rows;
    }
}