using Microsoft.AspNetCore.Http.HttpResults;

using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Files;

namespace WorkersHome.Modules.Assistance;

internal static class AssistanceApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/api/assistance/hardship").WithTags("Assistance").RequireAuthorization(AssistancePermissions.View);
        files.MapGet("/", (HardshipStatus? status, bool? due, HardshipQueries queries, CancellationToken ct) =>
            queries.ListAsync(new HardshipFilter(status, due ?? false), ct)).WithSummary("Hardship files in your subtree (masked), by status or due for review (by name: POST /search)");
        files.MapPost("/search", (HardshipFilter filter, HardshipQueries queries, CancellationToken ct) => queries.ListAsync(filter, ct))
            .WithSummary("Hardship files in your subtree (masked) by the same filters plus the member's name (q), sent in the body so that it never reaches an address");
        files.MapGet("/ledger.xlsx", async (HardshipStatus? status, bool? due, HardshipLedger ledger, CancellationToken ct) =>
            TypedResults.File(await ledger.XlsxAsync(new HardshipFilter(status, due ?? false), ct), XlsxType, "困难职工台账.xlsx"))
            .Produces(StatusCodes.Status200OK, contentType: XlsxType).WithSummary("The standard ledger (台账) of your subtree as .xlsx; health and income only with the permission; audited");
        files.MapGet("/{id:guid}", (Guid id, HardshipQueries queries, CancellationToken ct) => queries.DetailAsync(id, ct))
            .WithSummary("One file with its history; the household's health and income only with the permission, and that view is audited");
        files.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, HardshipAttachments attachments, CancellationToken ct) =>
        {
            var opened = await attachments.OpenAsync(id, attachmentId, ct);
            return TypedResults.File(opened.Content, opened.ContentType, opened.FileName);
        }).Produces(StatusCodes.Status200OK, contentType: UploadedDocuments.Jpeg, additionalContentTypes: [UploadedDocuments.Png, UploadedDocuments.Pdf]).WithSummary("A proof document (needs the health and income permission); audited");

        var manage = app.MapGroup("/api/assistance/hardship").WithTags("Assistance").RequireAuthorization(AssistancePermissions.Manage);
        manage.MapPost("/", async (Guid memberId, HardshipForm form, FileHardshipForMember filing, HardshipQueries queries, CancellationToken ct) =>
        {
            var file = await filing.ExecuteAsync(memberId, form, ct);
            return TypedResults.Created($"/api/assistance/hardship/{file.Id}", await queries.DetailAsync(file.Id, ct));
        }).WithSummary("File for a member of your subtree (?memberId=); one open file per member");
        manage.MapPut("/{id:guid}", async (Guid id, int version, HardshipForm form, RefileHardship refiling, CancellationToken ct) =>
        {
            var file = await refiling.ExecuteAsync(id, version, form, ct);
            return new { file.Id, file.Version };
        }).WithSummary("Correct a file waiting for the union's check or returned, and file it again (?version=)");
        manage.MapPost("/{id:guid}/checks", Step((CheckHardshipFile a, Guid id, ThreeChecks c, CancellationToken ct) => a.ExecuteAsync(id, c, ct)))
            .WithSummary("Record the 三清 check: family situation, cause and needs each confirmed");
        manage.MapPost("/{id:guid}/propose", Step((ProposeHardshipFile a, Guid id, FileDecision d, CancellationToken ct) => a.ExecuteAsync(id, d, ct)))
            .WithSummary("The grassroots union proposes a checked file to the approving level");
        manage.MapPost("/{id:guid}/approve", Step((ApproveHardshipFile a, Guid id, FileDecision d, CancellationToken ct) => a.ExecuteAsync(id, d, ct)))
            .WithSummary("Approve into the archive (approving level, not the proposer; a reason above the hardship line)");
        manage.MapPost("/{id:guid}/return", Step((ReturnHardshipFile a, Guid id, FileDecision d, CancellationToken ct) => a.ExecuteAsync(id, d, ct)))
            .WithSummary("Send back with reasons");
        manage.MapPost("/{id:guid}/reverify", Step((ReverifyHardshipFile a, Guid id, ReviewDecision d, CancellationToken ct) => a.ExecuteAsync(id, d, ct)))
            .WithSummary("The annual review, optionally with the household's new situation");
        manage.MapPost("/{id:guid}/exit", Step((ExitHardshipFile a, Guid id, FileDecision d, CancellationToken ct) => a.ExecuteAsync(id, d, ct)))
            .WithSummary("Leave the archive (脱困) with a reason");
        manage.MapPost("/{id:guid}/attachments", async (Guid id, string? fileName, HttpRequest request, HardshipAttachments attachments, CancellationToken ct) =>
            TypedResults.Ok(await attachments.AddAsync(id, request.Body, fileName, ct))).WithMetadata(new UploadLimitAttribute(HardshipAttachments.Upload))
            .WithSummary("Add a proof document (request body: a JPG, PNG or PDF without scripts, within the size limit; ?fileName=)");

        var visits = app.MapGroup("/api/assistance/visits").WithTags("Assistance").RequireAuthorization(AssistancePermissions.View);
        visits.MapGet("/", (string? campaign, bool? overdue, Visits.VisitQueries queries, CancellationToken ct) => queries.ListAsync(campaign, overdue ?? false, ct))
            .WithSummary("五必访 visits in your subtree, planned and made; overdue ones flagged");
        visits.MapGet("/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, Visits.VisitQueries queries, CancellationToken ct) =>
        {
            var opened = await queries.OpenPhotoAsync(id, photoId, ct);
            return TypedResults.File(opened.Content, opened.ContentType, opened.FileName);
        }).Produces(StatusCodes.Status200OK, contentType: UploadedDocuments.Jpeg, additionalContentTypes: [UploadedDocuments.Png]).WithSummary("A photo from a visit");
        var visiting = app.MapGroup("/api/assistance/visits").WithTags("Assistance").RequireAuthorization(AssistancePermissions.Manage);
        visiting.MapPost("/plan", async (Visits.VisitCampaign campaign, Visits.PlanVisits planning, CancellationToken ct) => TypedResults.Ok(new { planned = await planning.ExecuteAsync(campaign, ct) }))
            .WithSummary("Plan a campaign's visits to the chosen must-visit groups of your subtree (planning again adds only what is missing)");
        visiting.MapPost("/{id:guid}/record", async (Guid id, Visits.VisitRecord record, Visits.RecordVisit recording, CancellationToken ct) =>
        {
            await recording.ExecuteAsync(id, record, ct);
            return TypedResults.NoContent();
        }).WithSummary("Record a visit: when, who went, what was given");
        visiting.MapPost("/{id:guid}/photos", async (Guid id, string? fileName, HttpRequest request, Visits.AddVisitPhoto adding, CancellationToken ct) =>
        {
            await adding.ExecuteAsync(id, request.Body, fileName, ct);
            return TypedResults.NoContent();
        }).WithMetadata(new UploadLimitAttribute(Visits.AddVisitPhoto.PhotoUpload)).WithSummary("Add a photo (JPG or PNG, up to 5 MB; request body)");

        var dashboard = app.MapGroup("/api/assistance/dashboard").WithTags("Assistance").RequireAuthorization(AssistancePermissions.View);
        dashboard.MapGet("/", (long? orgId, int? year, Dashboard.CampaignDashboard board, CancellationToken ct) => board.ForAsync(orgId, year, ct))
            .WithSummary("送温暖 figures for a node of your subtree and a year, and for each union right below it");
        dashboard.MapGet("/figures.xlsx", async (long? orgId, int? year, Dashboard.CampaignDashboard board, CancellationToken ct) =>
            TypedResults.File(await board.XlsxAsync(orgId, year, ct), XlsxType, "送温暖统计.xlsx"))
            .Produces(StatusCodes.Status200OK, contentType: XlsxType).WithSummary("The same figures as .xlsx");
        dashboard.MapPut("/figures", async (Dashboard.FiguresEntry entry, Dashboard.CampaignDashboard board, CancellationToken ct) =>
        {
            await board.EnterAsync(entry, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(AssistancePermissions.Manage).WithSummary("Your union's own training and re-employment figures for a year");

        var mine = app.MapGroup("/api/me/hardship").WithTags("Assistance").RequireAuthorization(MemberIdentity.Policy);
        mine.MapGet("/", (HttpContext http, HardshipQueries queries, CancellationToken ct) => queries.MineAsync(MemberIdentity.MemberIdOf(http.User)!.Value, ct))
            .WithSummary("My hardship files with their history and any reasons");
        mine.MapPost("/", async (HardshipForm form, HttpContext http, FileOwnHardship filing, HardshipQueries queries, CancellationToken ct) =>
        {
            var memberId = MemberIdentity.MemberIdOf(http.User)!.Value;
            var file = await filing.ExecuteAsync(memberId, form, ct);
            return TypedResults.Ok((await queries.MineAsync(memberId, ct)).First(f => f.File.Id == file.Id));
        }).WithSummary("Apply for the hardship archive for my household, or file a returned application again");
        mine.MapPost("/attachments", async (string? fileName, HttpRequest request, HttpContext http, HardshipAttachments attachments, CancellationToken ct) =>
            TypedResults.Ok(await attachments.AddOwnAsync(MemberIdentity.MemberIdOf(http.User)!.Value, request.Body, fileName, ct))).WithMetadata(new UploadLimitAttribute(HardshipAttachments.Upload))
            .WithSummary("Add a proof document to my open file");
        mine.MapGet("/attachments/{attachmentId:guid}", async (Guid attachmentId, HttpContext http, HardshipAttachments attachments, CancellationToken ct) =>
        {
            var opened = await attachments.OpenOwnAsync(MemberIdentity.MemberIdOf(http.User)!.Value, attachmentId, ct);
            return TypedResults.File(opened.Content, opened.ContentType, opened.FileName);
        }).Produces(StatusCodes.Status200OK, contentType: UploadedDocuments.Jpeg, additionalContentTypes: [UploadedDocuments.Png, UploadedDocuments.Pdf]).WithSummary("One of my proof documents");
    }

    private static Func<Guid, TRequest, TUseCase, CancellationToken, Task<NoContent>> Step<TUseCase, TRequest>(Func<TUseCase, Guid, TRequest, CancellationToken, Task> step) =>
        async (id, request, useCase, ct) =>
        {
            await step(useCase, id, request, ct);
            return TypedResults.NoContent();
        };
}