using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Programs;

public sealed record ProgramRow(long Id, string Name, ProgramType Type, string TypeLabel, string OrgName, int Year, DateOnly StartsOn, DateOnly EndsOn,
    ProgramStatus Status, string StatusLabel, int RulesVersion, bool Owned);

public sealed record RuleVersionView(int Number, DateTimeOffset EffectiveFrom, string CreatedBy, string? Note, ProgramRules Rules);

public sealed record BudgetView(long Id, long OrgId, string OrgName, string OrgPath, long? ParentId, decimal Amount, decimal AllocatedOut, decimal Reserved,
    decimal Paid, decimal Available);

public sealed record ProgramView(ProgramRow Program, int Version, ProgramRules Rules, IReadOnlyList<RuleVersionView> History, IReadOnlyList<BudgetView> Budgets);

/// <summary>Ledger sums for one budget beside the budget's own figures: any difference is a mismatch to chase.</summary>
public sealed record ReconciliationRow(BudgetView Budget, decimal LedgerAmount, decimal LedgerAllocatedOut, decimal LedgerReserved, decimal LedgerPaid, bool Matches);

/// <summary>
/// Programs as cadres see them: those of their own union and the unions above it (which cover them) and below it; with
/// their rules, every earlier version of them, and their budgets.
/// </summary>
public sealed class ProgramQueries(AppDbContext db, CurrentCadre cadre)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A program the cadre may see: of their union, a union above (which covers them), or a union below.</summary>
    public async Task<AssistanceProgram> VisibleAsync(long programId, CancellationToken ct) =>
        await Visible().FirstOrDefaultAsync(p => p.Id == programId, ct) ?? throw new NotFoundException();

    public IQueryable<AssistanceProgram> Visible()
    {
        var above = PathsUpTo(cadre.OrgPath);
        var own = cadre.OrgPath;
        return db.AssistancePrograms.Where(p => above.Contains(p.OrgPath) || p.OrgPath.StartsWith(own));
    }

    /// <summary>The rules version in force at a moment: the newest that took effect by then.</summary>
    public async Task<(ProgramRuleVersion Version, ProgramRules Rules)> RulesAtAsync(long programId, DateTimeOffset at, CancellationToken ct)
    {
        var version = await db.ProgramRuleVersions.Where(v => v.ProgramId == programId && v.EffectiveFrom <= at)
            .OrderByDescending(v => v.Number).FirstAsync(ct);
        return (version, Read(version));
    }

    public static ProgramRules Read(ProgramRuleVersion version) => JsonSerializer.Deserialize<ProgramRules>(version.RulesJson, Json)!;

    /// <summary>"/41/", "/41/4101/", … down to the path itself.</summary>
    public static List<string> PathsUpTo(string path)
    {
        var codes = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return Enumerable.Range(1, codes.Length).Select(n => "/" + string.Join("/", codes[..n]) + "/").ToList();
    }

    public async Task<IReadOnlyList<ProgramRow>> ListAsync(CancellationToken ct) =>
        (await Visible().AsNoTracking().OrderByDescending(p => p.Year).ThenBy(p => p.OrgPath).ThenBy(p => p.Id).Take(500).ToListAsync(ct))
            .Select(Row).ToList();

    public async Task<ProgramView> DetailAsync(long id, CancellationToken ct)
    {
        var program = await VisibleAsync(id, ct);
        var versions = await db.ProgramRuleVersions.AsNoTracking().Where(v => v.ProgramId == id).OrderByDescending(v => v.Number).ToListAsync(ct);
        var history = versions.Select(v => new RuleVersionView(v.Number, v.EffectiveFrom, v.CreatedBy, v.Note, Read(v))).ToList();
        return new ProgramView(Row(program), program.Version, history[0].Rules, history, await BudgetsAsync(id, ct));
    }

    /// <summary>The budgets of the program that the cadre's subtree holds, or that hold it (the union's own source).</summary>
    public async Task<IReadOnlyList<BudgetView>> BudgetsAsync(long programId, CancellationToken ct)
    {
        var above = PathsUpTo(cadre.OrgPath);
        var own = cadre.OrgPath;
        return (await db.ProgramBudgets.AsNoTracking().Where(b => b.ProgramId == programId && (above.Contains(b.OrgPath) || b.OrgPath.StartsWith(own)))
            .OrderBy(b => b.OrgPath).ToListAsync(ct)).Select(View).ToList();
    }

    /// <summary>Per budget: the figures kept on the budget row against the sums of the ledger's entries. They must agree.</summary>
    public async Task<IReadOnlyList<ReconciliationRow>> ReconcileAsync(long programId, CancellationToken ct)
    {
        await VisibleAsync(programId, ct);
        return await ReconcileAsync(programId, await BudgetsAsync(programId, ct), ct);
    }

    /// <summary>The same, for budgets the caller has read already (from <see cref="DetailAsync"/> of a visible program).</summary>
    public async Task<IReadOnlyList<ReconciliationRow>> ReconcileAsync(long programId, IReadOnlyList<BudgetView> budgets, CancellationToken ct)
    {
        var ids = budgets.Select(b => b.Id).ToList();
        var sums = (await db.FundEntries.AsNoTracking().Where(e => e.ProgramId == programId && ids.Contains(e.BudgetId))
                .GroupBy(e => new { e.BudgetId, e.Kind }).Select(g => new { g.Key.BudgetId, g.Key.Kind, Sum = g.Sum(e => e.Amount) }).ToListAsync(ct))
            .ToDictionary(s => (s.BudgetId, s.Kind), s => s.Sum);
        decimal Sum(long budget, FundEntryKind kind) => sums.GetValueOrDefault((budget, kind));
        return budgets.Select(b =>
        {
            var amount = Sum(b.Id, FundEntryKind.Allocated);
            var passed = Sum(b.Id, FundEntryKind.AllocatedOut);
            // A hold is released when paid or given up; a failed payment is held again until retried or given up.
            var paid = Sum(b.Id, FundEntryKind.Paid) - Sum(b.Id, FundEntryKind.PaymentFailed) - Sum(b.Id, FundEntryKind.Reversed);
            var reserved = Sum(b.Id, FundEntryKind.Reserved) - Sum(b.Id, FundEntryKind.Released) - paid;
            return new ReconciliationRow(b, amount, passed, reserved, paid,
                amount == b.Amount && passed == b.AllocatedOut && reserved == b.Reserved && paid == b.Paid);
        }).ToList();
    }

    private ProgramRow Row(AssistanceProgram p) => new(p.Id, p.Name, p.Type, ProgramNames.Type(p.Type).ToString(), p.OrgName, p.Year, p.StartsOn, p.EndsOn,
        p.Status, AssistanceProgram.StatusLabel(p.Status).ToString(), p.RulesVersion, cadre.Covers(p.OrgPath));

    private static BudgetView View(ProgramBudget b) => new(b.Id, b.OrgId, b.OrgName, b.OrgPath, b.ParentId, b.Amount, b.AllocatedOut, b.Reserved, b.Paid, b.Available);
}