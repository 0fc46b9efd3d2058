using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Members.Browse;
using WorkersHome.Modules.Members.CodeTables;
using WorkersHome.Modules.Members.Import;
using WorkersHome.Modules.Members.Register;
using WorkersHome.Platform.Files;

namespace WorkersHome.Modules.Members;

public sealed record StatusRequest(int Version, MembershipStatus Status, string? Note);

/// <summary>The cadre's answer for a file waiting for its columns: template field → the file's header.</summary>
public sealed record ImportColumnsRequest(IReadOnlyDictionary<string, string>? Columns);

public sealed record CodeView(string Code, string Zh, string En, IReadOnlyList<string>? Synonyms = null);

internal static class MembersApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/members").WithTags("Members").RequireAuthorization(MemberPermissions.View);
        api.MapGet("/", ([AsParameters] MemberBrowse browse, MemberQueries q, CancellationToken ct) => q.ListAsync(browse.ToFilter(), ct))
            .WithSummary("Members of the subtree (masked); filter by node, status, employment form, migrant flag, age, join year (a name or number: POST /search)");
        api.MapPost("/search", (MemberFilter filter, MemberQueries q, CancellationToken ct) => q.ListAsync(filter, ct))
            .WithSummary("Members of the subtree (masked) by the same filters plus part of a name or an exact ID/phone, sent in the body so that it never reaches an address");
        api.MapGet("/{id:guid}", (Guid id, MemberQueries q, CancellationToken ct) => q.GetAsync(id, ct));
        api.MapPost("/{id:guid}/reveal", (Guid id, MemberQueries q, CancellationToken ct) => q.RevealAsync(id, ct))
            .RequireAuthorization(MemberPermissions.Reveal).WithSummary("Full ID and phone of one member; audited");
        api.MapPost("/", async (MemberInput input, RegisterMember register, MemberQueries q, CancellationToken ct) =>
        {
            var member = await register.ExecuteAsync(input, ct);
            return TypedResults.Created($"/api/members/{member.Id}", await q.GetAsync(member.Id, ct));
        }).RequireAuthorization(MemberPermissions.Manage).WithSummary("Add a member (409 when the person is already on record)");
        api.MapPut("/{id:guid}/status", async (Guid id, StatusRequest request, ChangeMemberStatus change, MemberQueries q, CancellationToken ct) =>
        {
            await change.ExecuteAsync(id, request.Version, request.Status, request.Note, ct);
            return await q.GetAsync(id, ct);
        }).RequireAuthorization(MemberPermissions.Manage).WithSummary("Retain, end or restore a membership");
        api.MapPut("/{id:guid}/groups", async (Guid id, GroupsRequest request, SetMemberGroups set, MemberQueries q, CancellationToken ct) =>
        {
            await set.ExecuteAsync(id, request, ct);
            return await q.GetAsync(id, ct);
        }).RequireAuthorization(MemberPermissions.Manage).WithSummary("Set the member's groups (model worker, hardship household) that offers may be limited to");
        api.MapGet("/export.csv", ([AsParameters] MemberBrowse browse, ExportMembers export, HttpContext http, CancellationToken ct) =>
            ExportCsvAsync(browse.ToFilter(), export, http, ct))
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").WithSummary("The filtered list as CSV in the import template's columns (masked unless you may reveal); audited");
        api.MapPost("/export.csv", (MemberFilter filter, ExportMembers export, HttpContext http, CancellationToken ct) => ExportCsvAsync(filter, export, http, ct))
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").WithSummary("The same CSV for a search by name or number (in the body)");
        api.MapGet("/export.xlsx", async ([AsParameters] MemberBrowse browse, ExportMembers export, CancellationToken ct) =>
            TypedResults.File(await export.XlsxAsync(browse.ToFilter(), ct), XlsxType, "会员名册.xlsx"))
            .Produces(StatusCodes.Status200OK, contentType: XlsxType).WithSummary("The filtered list as .xlsx in the import template's columns (masked unless you may reveal); audited");
        api.MapPost("/export.xlsx", async (MemberFilter filter, ExportMembers export, CancellationToken ct) =>
            TypedResults.File(await export.XlsxAsync(filter, ct), XlsxType, "会员名册.xlsx"))
            .Produces(StatusCodes.Status200OK, contentType: XlsxType).WithSummary("The same .xlsx for a search by name or number (in the body)");
        api.MapGet("/import-template.xlsx", async (CodeTableCache codes, CancellationToken ct) =>
        {
            var entries = new List<CodeEntry>();
            foreach (var table in new[] { CodeTableNames.Ethnicity, CodeTableNames.Education, CodeTableNames.PoliticalStatus })
            {
                entries.AddRange(await codes.EntriesAsync(table, ct));
            }

            return TypedResults.File(ImportQueries.TemplateXlsx(entries), XlsxType, "会员导入模板.xlsx");
        }).Produces(StatusCodes.Status200OK, contentType: XlsxType).WithSummary("The import template as .xlsx, with a sheet of the code tables");
        api.MapGet("/import-template.csv", () => TypedResults.File(ImportQueries.ExcelFriendlyCsv(ImportQueries.TemplateCsv()), "text/csv", "会员导入模板.csv"))
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").WithSummary("The import template (Chinese headers; codes as code or label)");
        api.MapPost("/imports", async Task<Results<Accepted<ImportView>, ProblemHttpResult>> (HttpRequest request, ImportMode? mode, string? fileName, [FromQuery] string[]? map, StartImport start, ImportQueries q, CancellationToken ct) =>
        {
            // Only CSV or .xlsx bodies: a cross-site form cannot send those types without the browser asking first.
            var type = request.ContentType?.Split(';')[0].Trim();
            var isXlsx = string.Equals(type, XlsxType, StringComparison.OrdinalIgnoreCase);
            if (!isXlsx && !string.Equals(type, "text/csv", StringComparison.OrdinalIgnoreCase))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Content-Type must be text/csv or " + XlsxType);
            }

            var name = fileName ?? (isXlsx ? "upload.xlsx" : "upload.csv");
            if (isXlsx != name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                name += isXlsx ? ".xlsx" : ".csv";
            }

            var columns = ColumnPairs.Parse(map);
            var import = await start.ExecuteAsync(request.Body, name, mode ?? ImportMode.AllOrNothing, columns, holdWhenUnmatched: false, ct);
            return TypedResults.Accepted($"/api/members/imports/{import.Id}", await q.GetAsync(import.Id, ct));
        }).RequireAuthorization(MemberPermissions.Manage).WithMetadata(new RequestSizeLimitAttribute(ImportLimits.MaxUploadBytes), new UploadLimitAttribute(ImportLimits.Upload))
            .WithSummary("Queue an import of a member file (body: text/csv or .xlsx); columns are matched by the template's names, common alternatives " +
                "and your union's remembered choices; say which column is which with map=文件列:模板列 (repeatable, remembered for your union)");
        api.MapPost("/imports/{id:guid}/columns", async (Guid id, ImportColumnsRequest request, StartImport start, ImportQueries q, CancellationToken ct) =>
        {
            await start.ChooseColumnsAsync(id, request.Columns ?? new Dictionary<string, string>(), ct);
            return await q.GetAsync(id, ct);
        }).RequireAuthorization(MemberPermissions.Manage)
            .WithSummary("For a file waiting for its columns: { columns: { template field: the file's header } }; remembered for your union");
        api.MapPost("/imports/{id:guid}/discard", async (Guid id, StartImport start, ImportQueries q, CancellationToken ct) =>
        {
            await start.DiscardAsync(id, ct);
            return await q.GetAsync(id, ct);
        }).RequireAuthorization(MemberPermissions.Manage)
            .WithSummary("Give up on a file waiting for its columns: it ends as failed and its stored copy is deleted");
        api.MapGet("/imports/{id:guid}/columns", (Guid id, ImportQueries q, CancellationToken ct) => q.ColumnsAsync(id, ct))
            .RequireAuthorization(MemberPermissions.Manage).WithSummary("For a file waiting for its columns: its headers and the matches found so far");
        api.MapPost("/bulk", async (BulkImportRequest request, StartImport start, ImportQueries q, CancellationToken ct) =>
        {
            using var csv = BulkImportRequest.ToTemplateCsv(request.Members ?? []);
            var import = await start.ExecuteAsync(csv, "api-bulk.csv", request.Mode ?? ImportMode.AllOrNothing, ct);
            return TypedResults.Accepted($"/api/members/imports/{import.Id}", await q.GetAsync(import.Id, ct));
        }).RequireAuthorization(MemberPermissions.Manage).WithMetadata(new RequestSizeLimitAttribute(ImportLimits.MaxUploadBytes))
            .WithSummary("Queue an import of member records from another system (JSON); the same checks and messages as a file import");
        api.MapGet("/imports", (ImportQueries q, CancellationToken ct) => q.RecentAsync(20, ct)).WithSummary("The latest imports of your subtree");
        api.MapGet("/imports/{id:guid}", (Guid id, ImportQueries q, CancellationToken ct) => q.GetAsync(id, ct))
            .WithSummary("An import's state, progress and result");
        api.MapPost("/imports/{id:guid}/restart", async (Guid id, StartImport start, ImportQueries q, CancellationToken ct) =>
        {
            await start.RestartAsync(id, ct);
            return await q.GetAsync(id, ct);
        }).RequireAuthorization(MemberPermissions.Manage).WithSummary("Start a failed import again from its stored file");
        api.MapGet("/imports/{id:guid}/errors", (Guid id, int? skip, int? take, ImportQueries q, CancellationToken ct) =>
            q.RejectedRowsAsync(id, skip ?? 0, take ?? 100, ct))
            .WithSummary("Rejected rows: the row number in the file (row 2 is the first record) and the problems found");
        api.MapGet("/imports/{id:guid}/report", async (Guid id, ImportQueries q, HttpContext http, CancellationToken ct) =>
        {
            var (csv, fileName, asXlsx) = await q.ReportAsync(id, ct);
            // The report comes back in the format of the uploaded file.
            if (!asXlsx)
            {
                return TypedResults.File(csv, "text/csv", fileName);
            }

            var xlsx = await ImportQueries.CsvToXlsxFileAsync(csv, "错误报告", ct);
            http.Response.RegisterForDispose(xlsx);
            return TypedResults.File(xlsx, XlsxType, fileName);
        }).Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: [XlsxType]).WithSummary("The uploaded file with an error column naming each rejected row's problems");
        api.MapGet("/stats/{orgId:long}", (long orgId, Statistics.MemberStatsQueries q, CancellationToken ct) => q.ForOrgAsync(orgId, ct))
            .WithSummary("Members of a node's whole subtree: by status, employment form, migrant and gig workers, new this year");
        app.MapPut("/api/members/codes/{table}", async (string table, CodeEntryInput input, EditCodeEntry edit, CancellationToken ct) =>
        {
            var entry = await edit.SaveAsync(table, input, ct);
            return new CodeView(entry.Code, entry.Zh, entry.En);
        }).WithTags("Members").RequireAuthorization(MemberPermissions.EditCodeTables).WithSummary("Add a code table entry or correct its labels (system administrator)");
        app.MapPost("/api/members/codes/{table}/synonyms", async (string table, CodeSynonymInput input, EditCodeSynonyms edit, CancellationToken ct) =>
        {
            var synonym = await edit.AddAsync(table, input, ct);
            return new { synonym.Code, synonym.Text };
        }).WithTags("Members").RequireAuthorization(MemberPermissions.EditCodeTables)
            .WithSummary("Teach a code table another spelling of an entry, e.g. 本科 for 20 (system administrator)");
        app.MapDelete("/api/members/codes/{table}/synonyms/{text}", async (string table, string text, EditCodeSynonyms edit, CancellationToken ct) =>
        {
            await edit.RemoveAsync(table, text, ct);
            return TypedResults.NoContent();
        }).WithTags("Members").RequireAuthorization(MemberPermissions.EditCodeTables).WithSummary("Remove a spelling from a code table (system administrator)");
        api.MapGet("/codes/{table}", async (string table, CodeTableCache codes, CancellationToken ct) =>
        {
            var snapshot = await codes.SnapshotAsync(ct);
            var synonyms = snapshot.Synonyms(table).ToLookup(s => s.Code, s => s.Text);
            return snapshot.Entries(table).Select(c => new CodeView(c.Code, c.Zh, c.En, synonyms[c.Code].ToList()));
        }).WithSummary("A code table (ethnicity, education or political) with the other spellings each entry is read from");
    }

    private static async Task ExportCsvAsync(MemberFilter filter, ExportMembers export, HttpContext http, CancellationToken ct)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename*=UTF-8''" + Uri.EscapeDataString("会员名册.csv");
        await export.WriteCsvAsync(filter, http.Response.Body, ct);
    }

}