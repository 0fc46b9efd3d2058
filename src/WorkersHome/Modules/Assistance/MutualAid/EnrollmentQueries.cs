using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.MutualAid;

public sealed record EnrollmentRow(long Id, string PersonName, string IdMasked, string Kind, int Items, decimal Premium, string PaidBy, bool IllnessHardship,
    string UnionName, DateTimeOffset EnrolledAt);

public sealed record EnrollmentSummary(int People, int Items, decimal Premiums, int CityPaid);

/// <summary>A program's enrolments in the cadre's subtree with their totals, and one member's enrolment for judging their claims.</summary>
public sealed class EnrollmentQueries(AppDbContext db, ProgramQueries programs, IOrgDirectory orgs, CurrentCadre cadre)
{
    public async Task<(IReadOnlyList<EnrollmentRow> Rows, EnrollmentSummary Summary)> ListAsync(long programId, CancellationToken ct)
    {
        await programs.VisibleAsync(programId, ct);
        var own = cadre.OrgPath;
        var query = db.Enrollments.AsNoTracking().Where(e => e.ProgramId == programId && e.OrgPath.StartsWith(own));
        var rows = await query.OrderByDescending(e => e.Id).Take(500).ToListAsync(ct);
        var summary = await query.GroupBy(e => 1).Select(g => new EnrollmentSummary(g.Count(), g.Sum(e => e.Items), g.Sum(e => e.Premium),
            g.Count(e => e.PaidBy == PremiumPayer.City))).FirstOrDefaultAsync(ct) ?? new EnrollmentSummary(0, 0, 0, 0);
        var names = await orgs.PublicNamesAsync(rows.Select(r => r.OrgId).Distinct(), ct);
        return (rows.Select(e => new EnrollmentRow(e.Id, e.PersonName, e.IdMasked, Enrollment.KindLabel(e.Kind).ToString(), e.Items, e.Premium,
            Enrollment.PayerLabel(e.PaidBy).ToString(), e.IllnessHardship, names.GetValueOrDefault(e.OrgId, ""), e.EnrolledAt)).ToList(), summary);
    }

    /// <summary>The member's enrolment in a program, for judging their claims: whether enrolled, and whether at the illness-hardship rate.</summary>
    public async Task<(bool Enrolled, bool IllnessHardship)> StatusAsync(long programId, Guid memberId, string memberIdHash, CancellationToken ct)
    {
        var found = await db.Enrollments.AsNoTracking().Where(e => e.ProgramId == programId && (e.MemberId == memberId || e.PersonIdHash == memberIdHash))
            .Select(e => new { e.IllnessHardship }).FirstOrDefaultAsync(ct);
        return (found is not null, found?.IllnessHardship ?? false);
    }
}