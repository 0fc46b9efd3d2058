using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Members.Join;

public sealed record JoinApplicationView(Guid Id, string Name, string IdMasked, string PhoneMasked, string UnionName, JoinStatus Status, string StatusLabel,
    DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt, string? Reason, double WaitingHours, int Version, string? EmployerName, string EmploymentForm);

/// <summary>Applications as the applicant and the union's queue see them, with how long each waited.</summary>
public sealed class JoinQueries(AppDbContext db, IOrgDirectory orgs, TimeProvider clock)
{
    public Task<IReadOnlyList<JoinApplicationView>> MineAsync(string phoneHash, CancellationToken ct) =>
        ViewsAsync(db.JoinApplications.IgnoreQueryFilters().Where(a => a.PhoneHash == phoneHash).OrderByDescending(a => a.SubmittedAt), ct);

    /// <summary>Applications waiting in the cadre's subtree, oldest first.</summary>
    public Task<IReadOnlyList<JoinApplicationView>> QueueAsync(CancellationToken ct) =>
        ViewsAsync(db.JoinApplications.Where(a => a.Status == JoinStatus.Pending).OrderBy(a => a.SubmittedAt), ct);

    private async Task<IReadOnlyList<JoinApplicationView>> ViewsAsync(IQueryable<JoinApplication> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().Take(200).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var names = await orgs.PublicNamesAsync(rows.Select(r => r.OrgId), ct);

        return rows.Select(a =>
        {
            var form = a.Form();
            return new JoinApplicationView(a.Id, a.Name, a.IdMasked, a.PhoneMasked, names.GetValueOrDefault(a.OrgId, ""), a.Status, JoinApplication.StatusLabel(a.Status).ToString(),
                a.SubmittedAt, a.DecidedAt, a.Reason, Math.Round(((a.DecidedAt ?? now) - a.SubmittedAt).TotalHours, 1), a.Version, form?.EmployerName,
                form?.EmploymentForm is { } f ? Member.EmploymentLabel(f).ToString() : "");
        }).ToList();
    }
}