using Microsoft.EntityFrameworkCore;

using MiniExcelLibs;

using WorkersHome.Modules.Assistance.Applications;
using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Assistance.Disbursement;
using WorkersHome.Modules.Assistance.Visits;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Files;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Dashboard;

public sealed record NodeFigures(long OrgId, string OrgName, int Households, int Visited, int Planned, int Helped, decimal Paid, int Trained, int ReEmployed);

public sealed record CauseCount(string Cause, int Households);

public sealed record ProgramPaid(string Program, decimal Paid, int Payments);

public sealed record DashboardView(int Year, NodeFigures Node, IReadOnlyList<CauseCount> ByCause, IReadOnlyList<ProgramPaid> PaidByProgram,
    IReadOnlyList<NodeFigures> Children);

public sealed record FiguresEntry(int Year, int Trained, int ReEmployed);

/// <summary>
/// The 送温暖 campaign dashboard for a node of the tree and a year: households in the archive by cause, households
/// visited, households helped (applications approved), money paid by program, and the training and re-employment
/// figures the unions enter — for the node's whole subtree and for each union right below it.
/// </summary>
public sealed class CampaignDashboard(AppDbContext db, IOrgDirectory orgs, CurrentCadre cadre, TimeProvider clock)
{
    public async Task<DashboardView> ForAsync(long? orgId, int? year, CancellationToken ct)
    {
        var y = year is >= 2000 and <= 2100 ? year.Value : ChinaTime.DayOf(clock.GetUtcNow()).Year;
        var node = await orgs.FindInScopeAsync(orgId ?? cadre.OrgId, ct) ?? throw new NotFoundException();
        var depth = node.Path.Count(c => c == '/');
        var children = (await orgs.ScopedOrgs().Where(o => o.Path.StartsWith(node.Path) && o.Path != node.Path)
                .OrderBy(o => o.Path.Length).ThenBy(o => o.Path).Take(2000).ToListAsync(ct))
            .Where(o => o.Path.Count(c => c == '/') == depth + 1).Take(200).ToList();
        // Each figure is counted once per union of the subtree, then added up per union right below the node.
        var byChild = children.ToDictionary(c => c.Path, _ => Tally.Zero);
        var total = Tally.Zero;
        foreach (var (orgPath, tally) in await TallyByUnionAsync(node.Path, y, ct))
        {
            total += tally;
            if (orgPath.Length > node.Path.Length && byChild.ContainsKey(ChildPath(orgPath, node.Path.Length)))
            {
                byChild[ChildPath(orgPath, node.Path.Length)] += tally;
            }
        }

        var figures = children.Select(c => byChild[c.Path].For(c.Id, c.Name)).ToList();
        var path = node.Path;
        var byCause = (await db.HardshipFiles.AsNoTracking().Where(f => f.Status == HardshipStatus.Active && f.OrgPath.StartsWith(path))
                .GroupBy(f => f.PrimaryCause).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderByDescending(c => c.Count).Select(c => new CauseCount(HardshipNames.Cause(c.Key).ToString(), c.Count)).ToList();
        var paid = await db.Payments.AsNoTracking().Where(p => (p.Status == PaymentStatus.Sent || p.Status == PaymentStatus.Paid) && p.OrgPath.StartsWith(path))
            .Join(db.AssistancePrograms.Where(p => p.Year == y), p => p.ProgramId, program => program.Id, (p, program) => new { program.Name, p.Amount })
            .GroupBy(x => x.Name).Select(g => new { g.Key, Total = g.Sum(x => x.Amount), Count = g.Count() }).ToListAsync(ct);
        return new DashboardView(y, total.For(node.Id, node.Name), byCause,
            paid.OrderByDescending(p => p.Total).Select(p => new ProgramPaid(p.Key, p.Total, p.Count)).ToList(), figures);
    }

    /// <summary>The union's own training and re-employment figures for a year (entered again, they replace the earlier ones).</summary>
    public async Task EnterAsync(FiguresEntry entry, CancellationToken ct)
    {
        if (entry.Year is < 2000 or > 2100 || entry.Trained is < 0 or > 1_000_000 || entry.ReEmployed is < 0 or > 1_000_000)
        {
            new FieldErrors().Add(nameof(FiguresEntry.Trained), "请填写年度，以及 0 或正整数的培训、再就业人数", "Enter the year and the numbers trained and re-employed (0 or more)").ThrowIfAny();
        }

        var own = await orgs.FindInScopeAsync(cadre.OrgId, ct) ?? throw new NotFoundException();
        var row = await db.CampaignFigures.FirstOrDefaultAsync(f => f.OrgId == own.Id && f.Year == entry.Year, ct);
        if (row is null)
        {
            row = new CampaignFigures { OrgId = own.Id, OrgPath = own.Path, Year = entry.Year };
            db.CampaignFigures.Add(row);
        }

        (row.Trained, row.ReEmployed, row.UpdatedBy, row.UpdatedAt) = (entry.Trained, entry.ReEmployed, cadre.UserName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public async Task<byte[]> XlsxAsync(long? orgId, int? year, CancellationToken ct)
    {
        var view = await ForAsync(orgId, year, ct);
        var rows = view.Children.Append(view.Node with { OrgName = Loc.T($"{view.Node.OrgName}（合计）", $"{view.Node.OrgName} (total)") })
            .Select(f => new Dictionary<string, object?>
            {
                [Loc.T("单位", "Union")] = SpreadsheetCells.Safe(f.OrgName),
                [Loc.T("在档困难户", "Households in the archive")] = f.Households,
                [Loc.T("计划走访", "Visits planned")] = f.Planned,
                [Loc.T("已走访", "Visited")] = f.Visited,
                [Loc.T("获帮扶户次", "Applications approved")] = f.Helped,
                [Loc.T("已发放金额（元）", "Paid (yuan)")] = f.Paid,
                [Loc.T("技能培训人数", "Trained")] = f.Trained,
                [Loc.T("实现再就业人数", "Re-employed")] = f.ReEmployed,
            }).ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows, sheetName: Loc.T($"{view.Year}年送温暖", $"{view.Year} relief"));
        return stream.ToArray();
    }

    /// <summary>The path of the union right below the node that <paramref name="orgPath"/> lies under (paths end with '/').</summary>
    private static string ChildPath(string orgPath, int nodeLength) => orgPath[..(orgPath.IndexOf('/', nodeLength) + 1)];

    /// <summary>Five grouped queries, whatever the number of unions below: each figure per union of the subtree.</summary>
    private async Task<Dictionary<string, Tally>> TallyByUnionAsync(string path, int year, CancellationToken ct)
    {
        var tallies = new Dictionary<string, Tally>(StringComparer.Ordinal);
        void Add(string orgPath, Tally tally) => tallies[orgPath] = tallies.GetValueOrDefault(orgPath, Tally.Zero) + tally;

        foreach (var row in await db.HardshipFiles.AsNoTracking().Where(f => f.Status == HardshipStatus.Active && f.OrgPath.StartsWith(path))
                     .GroupBy(f => f.OrgPath).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        {
            Add(row.Key, Tally.Zero with { Households = row.Count });
        }

        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31).AddMonths(2);
        foreach (var row in await db.Visits.AsNoTracking().Where(v => v.OrgPath.StartsWith(path) && v.DueOn >= from && v.DueOn <= to)
                     .GroupBy(v => v.OrgPath).Select(g => new { g.Key, Planned = g.Count(), Visited = g.Count(v => v.Status == VisitStatus.Visited) }).ToListAsync(ct))
        {
            Add(row.Key, Tally.Zero with { Planned = row.Planned, Visited = row.Visited });
        }

        var programIds = db.AssistancePrograms.Where(p => p.Year == year).Select(p => p.Id);
        foreach (var row in await db.AssistanceApplications.AsNoTracking()
                     .Where(a => a.Status == ApplicationStatus.Approved && a.OrgPath.StartsWith(path) && programIds.Contains(a.ProgramId))
                     .GroupBy(a => a.OrgPath).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        {
            Add(row.Key, Tally.Zero with { Helped = row.Count });
        }

        foreach (var row in await db.Payments.AsNoTracking().Where(p => (p.Status == PaymentStatus.Sent || p.Status == PaymentStatus.Paid) && p.OrgPath.StartsWith(path) && programIds.Contains(p.ProgramId))
                     .GroupBy(p => p.OrgPath).Select(g => new { g.Key, Sum = g.Sum(p => p.Amount) }).ToListAsync(ct))
        {
            Add(row.Key, Tally.Zero with { Paid = row.Sum });
        }

        foreach (var row in await db.CampaignFigures.AsNoTracking().Where(f => f.Year == year && f.OrgPath.StartsWith(path))
                     .GroupBy(f => f.OrgPath).Select(g => new { g.Key, Trained = g.Sum(f => f.Trained), ReEmployed = g.Sum(f => f.ReEmployed) }).ToListAsync(ct))
        {
            Add(row.Key, Tally.Zero with { Trained = row.Trained, ReEmployed = row.ReEmployed });
        }

        return tallies;
    }

    private sealed record Tally(int Households, int Planned, int Visited, int Helped, decimal Paid, int Trained, int ReEmployed)
    {
        public static readonly Tally Zero = new(0, 0, 0, 0, 0, 0, 0);

        public static Tally operator +(Tally a, Tally b) => new(a.Households + b.Households, a.Planned + b.Planned, a.Visited + b.Visited, a.Helped + b.Helped,
            a.Paid + b.Paid, a.Trained + b.Trained, a.ReEmployed + b.ReEmployed);

        public NodeFigures For(long id, string name) => new(id, name, Households, Visited, Planned, Helped, Paid, Trained, ReEmployed);
    }
}