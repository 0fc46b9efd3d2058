using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Accounts;

public sealed record AuditFilter(string? Action = null, string? Actor = null, DateOnly? From = null, DateOnly? To = null,
    bool? Succeeded = null, int Skip = 0, int Take = 100);

public sealed record AuditRow(long Id, DateTimeOffset At, string ActorName, string Action, bool Succeeded,
    string? TargetType, string? TargetId, string? Detail, string? ClientIp);

/// <summary>The auditor's view: events of their subtree; events tied to no org only for the tree's root.</summary>
public sealed class AuditQueries(AppDbContext db, CurrentCadre cadre)
{
    public async Task<IReadOnlyList<AuditRow>> ListAsync(AuditFilter filter, CancellationToken ct = default)
    {
        var from = cadre.OrgPath;
        var to = cadre.OrgPath + "~";
        var isRoot = cadre.OrgPath.Count(c => c == '/') == 2;
        var query = db.AuditEntries.AsNoTracking().Where(a =>
            (a.OrgPath != null && string.Compare(a.OrgPath, from) >= 0 && string.Compare(a.OrgPath, to) < 0)
            || (isRoot && a.OrgPath == null));
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(a => a.Action.StartsWith(filter.Action));
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            query = query.Where(a => a.ActorName.Contains(filter.Actor));
        }

        if (filter.From is { } fromDate)
        {
            var start = new DateTimeOffset(fromDate.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
            query = query.Where(a => a.At >= start);
        }

        if (filter.To is { } toDate)
        {
            var end = new DateTimeOffset(toDate.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
            query = query.Where(a => a.At < end);
        }

        if (filter.Succeeded is { } succeeded)
        {
            query = query.Where(a => a.Succeeded == succeeded);
        }

        return await query.OrderByDescending(a => a.Id).Skip(filter.Skip).Take(Math.Clamp(filter.Take, 1, 500))
            .Select(a => new AuditRow(a.Id, a.At, a.ActorName, a.Action, a.Succeeded, a.TargetType, a.TargetId, a.Detail, a.ClientIp))
            .ToListAsync(ct);
    }
}