using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Assistance.Applications;

/// <summary>
/// Whether a member may apply to a program, before any form is filled: the household facts the rules look at (the
/// hardship archive, the member's groups, medical mutual aid enrolment) gathered as filing gathers them, and judged by
/// the same <see cref="RuleEvaluator"/>, so the list never promises what filing would refuse.
/// </summary>
public sealed class ProgramEligibility(AppDbContext db, ApplicationQueries queries, ProgramQueries programs, MutualAid.EnrollmentQueries enrollments, TimeProvider clock)
{
    /// <summary>The household's facts under these rules; the form's facts (school level, cost, what was received before) are the caller's.</summary>
    public async Task<ApplicantFacts> HouseholdFactsAsync(MemberSummary member, long programId, ProgramRules rules, CancellationToken ct)
    {
        var archive = await db.HardshipFiles.IgnoreQueryFilters().Where(f => f.MemberId == member.Id && f.Status == HardshipStatus.Active)
            .Select(f => (HardshipCause?)f.Causes).FirstOrDefaultAsync(ct);
        var (enrolled, illnessRate) = rules.RequireEnrollment || rules.IllnessHardshipBonus > 0
            ? await enrollments.StatusAsync(programId, member.Id, member.IdHash, ct)
            : (false, false);
        return new ApplicantFacts(archive is not null, archive ?? HardshipCause.None, member.Groups, null, null, 0, enrolled, illnessRate);
    }

    /// <summary>The programs open to the member's unions now, each marked with why the member may not apply (null when they may).</summary>
    public async Task<IReadOnlyList<OpenProgram>> OpenToAsync(MemberSummary member, CancellationToken ct)
    {
        var open = await queries.OpenForAsync(member.OrgPath, ct);
        if (!member.CountsAsMember)
        {
            return open.Select(p => p with { Ineligible = Loc.T("会籍已终止，不能申请帮扶", "Your membership has ended") }).ToList();
        }

        var judged = new List<OpenProgram>(open.Count);
        var now = clock.GetUtcNow();
        foreach (var program in open)
        {
            var (_, rules) = await programs.RulesAtAsync(program.Id, now, ct);
            var reason = RuleEvaluator.Ineligible(rules, await HouseholdFactsAsync(member, program.Id, rules, ct));
            judged.Add(program with { Ineligible = reason?.ToString() });
        }

        return judged;
    }
}