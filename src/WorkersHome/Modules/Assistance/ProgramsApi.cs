using WorkersHome.Modules.Assistance.Applications;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Members.Contracts;

namespace WorkersHome.Modules.Assistance;

internal static class ProgramsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var view = app.MapGroup("/api/assistance/programs").WithTags("Assistance programs").RequireAuthorization(AssistancePermissions.View);
        view.MapGet("/", (ProgramQueries queries, CancellationToken ct) => queries.ListAsync(ct))
            .WithSummary("Programs of your union, the unions above it and below it");
        view.MapGet("/{id:long}", (long id, ProgramQueries queries, CancellationToken ct) => queries.DetailAsync(id, ct))
            .WithSummary("A program with its rules, every earlier version of them, and the budgets you may see");
        view.MapGet("/{id:long}/reconciliation", (long id, ProgramQueries queries, CancellationToken ct) => queries.ReconcileAsync(id, ct))
            .WithSummary("Per budget: its figures against the fund ledger's sums (any mismatch is flagged)");

        var programs = app.MapGroup("/api/assistance/programs").WithTags("Assistance programs").RequireAuthorization(AssistancePermissions.Programs);
        programs.MapPost("/", async (NewProgram request, CreateProgram create, ProgramQueries queries, CancellationToken ct) =>
        {
            var program = await create.ExecuteAsync(request, ct);
            return TypedResults.Created($"/api/assistance/programs/{program.Id}", await queries.DetailAsync(program.Id, ct));
        }).WithSummary("Create a program for a union of your subtree and a year (rules default to the type's usual ones)");
        programs.MapPut("/{id:long}/rules", async (long id, RulesChange change, ChangeProgramRules changeRules, CancellationToken ct) =>
        {
            var version = await changeRules.ExecuteAsync(id, change, ct);
            return new { version.Number, version.EffectiveFrom };
        }).WithSummary("New rules, in force from now as a new version (the owning union; ?version= of the program)");
        programs.MapPut("/{id:long}/status", async (long id, ProgramStatusChange change, ChangeProgramStatus changeStatus, CancellationToken ct) =>
        {
            await changeStatus.ExecuteAsync(id, change, ct);
            return TypedResults.NoContent();
        }).WithSummary("Open or close the program for new applications");
        programs.MapPut("/{id:long}/budgets", (long id, BudgetAllocation request, AllocateBudget allocate, CancellationToken ct) => allocate.ExecuteAsync(id, request, ct))
            .WithSummary("Set an org's budget (the owner's is the program's; a union's share comes from the union above); requestKey makes it once-only");

        var applications = app.MapGroup("/api/assistance/applications").WithTags("Assistance applications").RequireAuthorization(AssistancePermissions.View);
        applications.MapGet("/", (long? programId, ApplicationStatus? status, bool? waiting, ApplicationQueries queries, CancellationToken ct) =>
            queries.ListAsync(new ApplicationFilter(programId, status, waiting ?? false), ct)).WithSummary("Applications in your subtree (by applicant: POST /search)");
        applications.MapPost("/search", (ApplicationFilter filter, ApplicationQueries queries, CancellationToken ct) => queries.ListAsync(filter, ct))
            .WithSummary("Applications in your subtree by the same filters plus the applicant's name (q), sent in the body so that it never reaches an address");
        applications.MapGet("/{id:guid}", (Guid id, ApplicationQueries queries, CancellationToken ct) => queries.DetailAsync(id, ct))
            .WithSummary("One application with its history; claimed costs and household ID numbers only with the permission, and that view is audited");

        var decide = app.MapGroup("/api/assistance/applications").WithTags("Assistance applications").RequireAuthorization(AssistancePermissions.Manage);
        decide.MapPost("/", async (Guid memberId, ApplicationForm form, FileApplicationForMember file, CancellationToken ct) =>
        {
            var (application, notOnTheSpot) = await file.ExecuteAsync(memberId, form, ct);
            return TypedResults.Ok(new
            {
                application.Id,
                application.Amount,
                Explanation = application.Explanation.ToString(),
                application.Version,
                application.Status,
                NotOnTheSpot = notOnTheSpot?.ToString(),
            });
        }).WithSummary("File for a member of your subtree (?memberId=); submissionKey makes a double submit file once");
        decide.MapPost("/{id:guid}/approve", async (Guid id, ApplicationDecision decision, ApproveApplication approve, CancellationToken ct) =>
        {
            await approve.ExecuteAsync(id, decision, ct);
            return TypedResults.NoContent();
        }).WithSummary("Approve (the level the amount needs; never your own, your household's or one you filed); the last approval reserves the budget");
        decide.MapPost("/{id:guid}/reject", async (Guid id, ApplicationDecision decision, RejectApplication reject, CancellationToken ct) =>
        {
            await reject.ExecuteAsync(id, decision, ct);
            return TypedResults.NoContent();
        }).WithSummary("Reject with a reason");

        var enrolments = app.MapGroup("/api/assistance/programs/{programId:long}/enrollments").WithTags("Medical mutual aid");
        enrolments.MapGet("/", async (long programId, MutualAid.EnrollmentQueries queries, CancellationToken ct) =>
        {
            var (rows, summary) = await queries.ListAsync(programId, ct);
            return new { summary, rows };
        }).RequireAuthorization(AssistancePermissions.View).WithSummary("Who is enrolled in a medical mutual aid program in your subtree, with totals");
        enrolments.MapPost("/", async (long programId, MutualAid.NewEnrollment request, MutualAid.EnrollInMutualAid enrolling, CancellationToken ct) =>
        {
            var enrollment = await enrolling.ExecuteAsync(request with { ProgramId = programId }, ct);
            return TypedResults.Ok(new { enrollment.Id, enrollment.Premium, enrollment.PaidBy, enrollment.IllnessHardship });
        }).RequireAuthorization(AssistancePermissions.Manage)
            .WithSummary("Enrol a member, a member's spouse or a migrant worker for the period (80 yuan per item; illness-hardship households at the city's cost)");

        var mine = app.MapGroup("/api/me/aid").WithTags("Assistance applications").RequireAuthorization(MemberIdentity.Policy);
        mine.MapGet("/programs", async (HttpContext http, IMemberDirectory members, ProgramEligibility eligibility, CancellationToken ct) =>
        {
            var member = await members.FindCheckedAsync(MemberIdentity.MemberIdOf(http.User)!.Value, ct);
            return member is null ? [] : await eligibility.OpenToAsync(member, ct);
        }).WithSummary("Programs taking applications now, each with why I may not apply (ineligible, null when I may)");
        mine.MapGet("/applications", (HttpContext http, ApplicationQueries queries, CancellationToken ct) =>
            queries.MineAsync(MemberIdentity.MemberIdOf(http.User)!.Value, ct)).WithSummary("My applications with their history and reasons");
        mine.MapPost("/applications", async (ApplicationForm form, HttpContext http, FileOwnApplication file, ApplicationQueries queries, CancellationToken ct) =>
        {
            var memberId = MemberIdentity.MemberIdOf(http.User)!.Value;
            var application = await file.ExecuteAsync(memberId, form, ct);
            return TypedResults.Ok((await queries.MineAsync(memberId, ct)).First(a => a.Application.Id == application.Id));
        }).WithSummary("Apply to a program; the amount is worked out and explained at once");
        mine.MapPost("/applications/{id:guid}/withdraw", async (Guid id, int version, HttpContext http, WithdrawOwnApplication withdraw, CancellationToken ct) =>
        {
            await withdraw.ExecuteAsync(MemberIdentity.MemberIdOf(http.User)!.Value, id, version, ct);
            return TypedResults.NoContent();
        }).WithSummary("Withdraw my application while it waits (?version=)");
    }
}