using Microsoft.EntityFrameworkCore;

using MiniExcelLibs;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Modules.Rights.Cases;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;
using WorkersHome.Platform.Statistics;

namespace WorkersHome.Modules.Rights.Dashboard;

public sealed record FigureCount(string Name, long Count);

/// <summary>The figures of one node's subtree over a range of months.</summary>
public sealed record RightsNodeFigures(
    long OrgId, string OrgName, long Cases, long Open, long AcceptedOnTime, long AcceptedLate, long ResolvedOnTime, long ResolvedLate, long Satisfied,
    long BasicallySatisfied, long NotSatisfied, long Escalated, decimal Recovered, long WorkersHelped)
{
    public double? AcceptOnTimeRate => Rate(AcceptedOnTime, AcceptedOnTime + AcceptedLate);

    public double? ResolveOnTimeRate => Rate(ResolvedOnTime, ResolvedOnTime + ResolvedLate);

    public double? SatisfactionRate => Rate(Satisfied + BasicallySatisfied, Satisfied + BasicallySatisfied + NotSatisfied);

    private static double? Rate(long part, long whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);
}

public sealed record RightsDashboardView(
    int FromMonth, int ToMonth, RightsNodeFigures Node, IReadOnlyList<FigureCount> ByKind, IReadOnlyList<FigureCount> ByTopic, IReadOnlyList<FigureCount> ByChannel,
    IReadOnlyList<FigureCount> ByStatus, IReadOnlyList<RightsNodeFigures> Children);

/// <summary>
/// The 维权 dashboard of a node and a range of months (of filing): cases by kind, topic, channel and status, on-time
/// rates of acceptance and resolution, satisfaction, escalations, wages recovered and workers helped — for the node's
/// whole subtree and each union right below it, read from the tree counters (<see cref="CaseFigures"/>): a few hundred
/// rows whatever the number of cases.
/// </summary>
public sealed class RightsDashboard(AppDbContext db, IOrgDirectory orgs, CurrentCadre cadre, TimeProvider clock)
{
    public async Task<RightsDashboardView> ForAsync(long? orgId, int? fromMonth, int? toMonth, CancellationToken ct)
    {
        var today = ChinaTime.DayOf(clock.GetUtcNow());
        var to = Valid(toMonth) ?? Metrics.Month(today);
        var from = Valid(fromMonth) ?? Metrics.Month(today.AddMonths(-11));
        if (from > to)
        {
            new FieldErrors().Add("from", "起始月份不能晚于截止月份", "The first month cannot be after the last").ThrowIfAny();
        }

        var node = await orgs.FindInScopeAsync(orgId ?? cadre.OrgId, ct) ?? throw new NotFoundException();
        var children = await orgs.ChildrenAsync(node.Id, 200, ct);
        var codes = children.Select(c => c.Code).Append(node.Code).ToList();
        var (low, high) = (CaseFigures.Key(from, 0), CaseFigures.Key(to, 99));
        var rows = await db.Set<TreeCounter>().AsNoTracking()
            .Where(c => codes.Contains(c.OrgCode) && CaseFigures.All.Contains(c.Metric) && c.Key >= low && c.Key <= high)
            .ToListAsync(ct);
        var byCode = rows.ToLookup(r => r.OrgCode);
        var mine = byCode[node.Code].ToList();
        return new(from, to, Figures(node.Id, node.Name, mine),
            Counts(mine, CaseFigures.Kind, v => CaseNames.Of((CaseKind)v)),
            Counts(mine, CaseFigures.Topic, v => CaseLabels.Of((CaseTopic)v)),
            Counts(mine, CaseFigures.Channel, v => CaseLabels.Of((CaseChannel)v)),
            Counts(mine, CaseFigures.Status, v => CaseLabels.Of((CaseStatus)v)),
            children.Select(c => Figures(c.Id, c.Name, byCode[c.Code].ToList())).ToList());
    }

    public async Task<byte[]> XlsxAsync(long? orgId, int? fromMonth, int? toMonth, CancellationToken ct)
    {
        var view = await ForAsync(orgId, fromMonth, toMonth, ct);
        var rows = view.Children.Prepend(view.Node).Select(f => new Dictionary<string, object?>
        {
            [Loc.T("单位", "Union")] = f.OrgName,
            [Loc.T("案件数", "Cases")] = f.Cases,
            [Loc.T("未结案", "Open")] = f.Open,
            [Loc.T("受理及时率（%）", "Accepted on time (%)")] = f.AcceptOnTimeRate,
            [Loc.T("办结及时率（%）", "Resolved on time (%)")] = f.ResolveOnTimeRate,
            [Loc.T("满意率（%）", "Satisfied (%)")] = f.SatisfactionRate,
            [Loc.T("督办", "Escalated")] = f.Escalated,
            [Loc.T("追回欠薪（元）", "Wages recovered (yuan)")] = f.Recovered,
            [Loc.T("帮助职工（人）", "Workers helped")] = f.WorkersHelped,
        }).ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows, sheetName: Loc.T($"维权统计{view.FromMonth}-{view.ToMonth}", $"Rights {view.FromMonth}-{view.ToMonth}"));
        return stream.ToArray();
    }

    private static int? Valid(int? month) => month is { } m && m / 100 is >= 2000 and <= 2100 && m % 100 is >= 1 and <= 12 ? m : null;

    private static long Sum(IEnumerable<TreeCounter> rows, string metric, int? value = null) =>
        rows.Where(r => r.Metric == metric && (value is null || r.Key % 100 == value)).Sum(r => r.Count);

    private static RightsNodeFigures Figures(long id, string name, IReadOnlyList<TreeCounter> rows) => new(
        id, name, Sum(rows, CaseFigures.Kind), Sum(rows, CaseFigures.Status) - Sum(rows, CaseFigures.Status, (int)CaseStatus.Closed),
        Sum(rows, CaseFigures.Accepted, CaseFigures.OnTime), Sum(rows, CaseFigures.Accepted, CaseFigures.Late),
        Sum(rows, CaseFigures.Resolved, CaseFigures.OnTime), Sum(rows, CaseFigures.Resolved, CaseFigures.Late),
        Sum(rows, CaseFigures.Satisfaction, (int)Satisfaction.Satisfied), Sum(rows, CaseFigures.Satisfaction, (int)Satisfaction.BasicallySatisfied),
        Sum(rows, CaseFigures.Satisfaction, (int)Satisfaction.NotSatisfied), Sum(rows, CaseFigures.Escalated),
        rows.Where(r => r.Metric == CaseFigures.Recovered).Sum(r => r.AmountFen) / 100m, Sum(rows, CaseFigures.Recovered));

    private static IReadOnlyList<FigureCount> Counts<TEnum>(IEnumerable<TreeCounter> rows, string metric, Func<int, TEnum> name)
        where TEnum : notnull =>
        rows.Where(r => r.Metric == metric).GroupBy(r => r.Key % 100).Where(g => g.Sum(r => r.Count) != 0).OrderBy(g => g.Key)
            .Select(g => new FigureCount(name(g.Key).ToString()!, g.Sum(r => r.Count))).ToList();
}