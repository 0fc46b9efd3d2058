using System.Globalization;
using System.Text;

using CsvHelper;

namespace WorkersHome.Modules.Members.Import;

public static class ImportLimits
{
    /// <summary>Large enough for a million-row member file.</summary>
    public const long MaxUploadBytes = 1L << 30;

    /// <summary>The upload rule of member files (<see cref="Platform.Files.UploadLimitAttribute"/>).</summary>
    public const string Upload = "member-file";
}

/// <summary>One member record from another system: the template's columns as JSON, codes as code or label.</summary>
public sealed record BulkMember(
    string? Name, string? Gender, string? Ethnicity, string? IdType, string? IdNumber, string? BirthDate, string? Phone, string? Education,
    string? PoliticalStatus, string? UnionCode, string? Employer, string? EmploymentForm, string? PlatformName, bool? MigrantWorker,
    string? HouseholdRegistration, string? JoinedOn);

/// <summary>A bulk import from another system; it runs as a file import would, so the checks and messages are the same.</summary>
public sealed record BulkImportRequest(ImportMode? Mode, IReadOnlyList<BulkMember>? Members)
{
    /// <summary>The records as a template CSV; row 2 is the first record.</summary>
    public static MemoryStream ToTemplateCsv(IEnumerable<BulkMember> members)
    {
        var output = new MemoryStream();
        using (var csv = new CsvWriter(new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true), CultureInfo.InvariantCulture))
        {
            foreach (var header in MemberTemplate.Headers)
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var m in members)
            {
                string?[] cells =
                [
                    m.Name, m.Gender, m.Ethnicity, m.IdType, m.IdNumber, m.BirthDate, m.Phone, m.Education, m.PoliticalStatus, m.UnionCode,
                    m.Employer, m.EmploymentForm, m.PlatformName, m.MigrantWorker == true ? "是" : "否", m.HouseholdRegistration, m.JoinedOn,
                ];
                foreach (var cell in cells)
                {
                    csv.WriteField(cell ?? "");
                }

                csv.NextRecord();
            }
        }

        output.Position = 0;
        return output;
    }
}