using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Rights.Cases;

namespace WorkersHome.Modules.Rights;

/// <summary>A case's state after a step: what a client needs to take the next one.</summary>
public sealed record CaseState(Guid Id, string TrackingNumber, CaseStatus Status, string StatusName, long OrgId, int Version)
{
    public static CaseState Of(RightsCase c) => new(c.Id, c.TrackingNumber, c.Status, CaseLabels.Of(c.Status).ToString(), c.OrgId, c.Version);
}

/// <summary>A phone on the line: the members it belongs to in the agent's subtree (masked) and the caller's earlier cases.</summary>
public sealed record CallerLookup(string? Phone);

internal static class CasesApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/rights/cases").WithTags("Rights");
        cases.MapPost("/", async Task<Results<Created<CaseState>, Ok<CaseState>>> (
            CaseInput input, [FromHeader(Name = "Idempotency-Key")] string? key, CaseChannel? channel, CaseIntake intake, CancellationToken ct) =>
        {
            input.SubmissionKey ??= key;
            var filed = await intake.FileForCallerAsync(input, channel ?? CaseChannel.Hotline, ct);
            return filed.Repeated ? TypedResults.Ok(CaseState.Of(filed.Case)) : TypedResults.Created($"/api/rights/cases/{filed.Case.Id}", CaseState.Of(filed.Case));
        }).RequireAuthorization(RightsPermissions.Intake)
            .WithSummary("File a case for a caller (?channel=Hotline by default); the same Idempotency-Key (or submissionKey) files one case and answers 200 with it");
        cases.MapPost("/callers", async (CallerLookup lookup, CaseCallers callers, CancellationToken ct) => await callers.FindAsync(lookup.Phone, ct))
            .RequireAuthorization(RightsPermissions.Intake)
            .WithSummary("The caller's phone (in the body, never in an address): members of your subtree with it (masked) and their earlier cases; audited");
        cases.MapGet("/", ([AsParameters] CaseFilter filter, CaseQueries queries, CancellationToken ct) => queries.QueueAsync(filter, ct))
            .RequireAuthorization(RightsPermissions.View)
            .WithSummary("Cases of your subtree by status, kind, topic, channel, handler, overdue and date received; 50 a page, newest first");
        cases.MapGet("/{id:guid}", (Guid id, CaseQueries queries, CancellationToken ct) => queries.DetailAsync(id, ct))
            .RequireAuthorization(RightsPermissions.View)
            .WithSummary("One case with its history and recovered wages; the caller is hidden from the employer's own union unless they agreed; audited");

        Step<CaseDecision, AcceptCase>(cases, "accept", RightsPermissions.Handle, (a, id, d, ct) => a.ExecuteAsync(id, d, ct), "Accept the case (受理)");
        Step<TransferInput, TransferCase>(cases, "transfer", RightsPermissions.Transfer, (a, id, d, ct) => a.ExecuteAsync(id, d, ct),
            "Transfer to another union (down, up, or a sibling) with a reason; the receiver accepts it afresh");
        Step<CaseActionInput, RecordCaseAction>(cases, "actions", RightsPermissions.Handle, (a, id, d, ct) => a.ExecuteAsync(id, d, ct),
            "Record what was done: a call, a visit, mediation, a referral");
        Step<WageRecoveryInput, RecordWageRecovery>(cases, "wages", RightsPermissions.Handle, (a, id, d, ct) => a.ExecuteAsync(id, d, ct),
            "Record an amount of wages recovered (an entry; the case's total follows)");
        Step<LegalAidInput, LegalAid>(cases, "legal-aid", RightsPermissions.Handle, (a, id, d, ct) => a.AssignAsync(id, d, ct),
            "Assign a legal-aid lawyer from the roster; refused (409) when the lawyer or firm acts for the employer");
        Step<CaseDecision, CaseClock>(cases, "pause", RightsPermissions.Handle, (a, id, d, ct) => a.PauseAsync(id, d, ct),
            "Stop the resolve clock while waiting for the member (at most 10 business days in all)");
        Step<CaseDecision, CaseClock>(cases, "resume", RightsPermissions.Handle, (a, id, d, ct) => a.ResumeAsync(id, d, ct),
            "Start the clock again; the deadline moves by the business days it stood still");
        Step<CaseDecision, ResolveCase>(cases, "resolve", RightsPermissions.Handle, (a, id, d, ct) => a.ExecuteAsync(id, d, ct),
            "Record the result; complaints and requests then wait for the callback");
        Step<CaseDecision, ResolveCase>(cases, "answer", RightsPermissions.Intake, (a, id, d, ct) => a.AnswerAsync(id, d, ct),
            "Answer a consultation on the spot and close it");
        Step<CallbackInput, CallBackCase>(cases, "callback", RightsPermissions.Handle, (a, id, d, ct) => a.ExecuteAsync(id, d, ct),
            "The callback's answer: satisfied closes, not satisfied (with the reason) reopens");
        Step<QualityCheckInput, QualityCheckCase>(cases, "quality", RightsPermissions.Supervise, (a, id, d, ct) => a.ExecuteAsync(id, d, ct),
            "Quality check of a closed case; a failure sends it back");

        var lawyers = app.MapGroup("/api/rights/lawyers").WithTags("Rights");
        lawyers.MapGet("/", (LegalAid aid, CancellationToken ct) => aid.RosterAsync(ct)).RequireAuthorization(RightsPermissions.View)
            .WithSummary("The legal-aid lawyers your union and the unions above it keep");
        lawyers.MapPost("/", async (LawyerInput input, LegalAid aid, CancellationToken ct) => TypedResults.Ok(await aid.AddAsync(input, ct)))
            .RequireAuthorization(RightsPermissions.Supervise).WithSummary("Add a lawyer to your union's roster, with the employers they or their firm act for (one per line)");

        var dashboard = app.MapGroup("/api/rights/dashboard").WithTags("Rights").RequireAuthorization(RightsPermissions.View);
        dashboard.MapGet("/", (long? orgId, int? from, int? to, Dashboard.RightsDashboard board, CancellationToken ct) => board.ForAsync(orgId, from, to, ct))
            .WithSummary("维权 figures of a node of your subtree (default: your own) for months of filing from..to (yyyyMM; default the last 12): by kind, topic, channel and status, on-time rates, satisfaction, escalations, wages recovered, and each union below");
        dashboard.MapGet("/figures.xlsx", async (long? orgId, int? from, int? to, Dashboard.RightsDashboard board, CancellationToken ct) =>
                TypedResults.File(await board.XlsxAsync(orgId, from, to, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "维权统计.xlsx"))
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").WithSummary("The same figures as .xlsx");

        app.MapPost("/api/rights/lookup", async Task<Results<Ok<MyCase>, NotFound>> (PublicLookup lookup, CaseQueries queries, CancellationToken ct) =>
                await queries.LookupAsync(lookup.TrackingNumber, lookup.Phone, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound())
            .AllowAnonymous().WithTags("Rights")
            .WithSummary("Anyone: a case's progress by its tracking number and the phone it was filed with (both must match)");
    }

    private static void Step<TInput, TUseCase>(RouteGroupBuilder group, string name, string permission, Func<TUseCase, Guid, TInput, CancellationToken, Task<RightsCase>> step,
        string summary)
        where TUseCase : notnull =>
        group.MapPost("/{id:guid}/" + name, async (Guid id, TInput input, TUseCase useCase, CancellationToken ct) => CaseState.Of(await step(useCase, id, input, ct)))
            .RequireAuthorization(permission).WithSummary(summary);
}

/// <summary>The public lookup's question, sent in the body so that the phone never reaches an address.</summary>
public sealed record PublicLookup(string? TrackingNumber, string? Phone);