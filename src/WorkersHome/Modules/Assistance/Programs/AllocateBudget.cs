using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

using static WorkersHome.Modules.Assistance.Programs.ProgramNames;

namespace WorkersHome.Modules.Assistance.Programs;

/// <summary>Sets an org's budget to an amount; the request key makes a double click or retry book it once.</summary>
public sealed record BudgetAllocation(long OrgId, decimal Amount, Guid RequestKey);

/// <summary>
/// A program's budgets down the tree: the owning union sets the program's budget, and each union passes parts of its
/// own to unions below (a city to its counties). Every change is a pair of ledger entries and conditional updates in
/// one transaction, so that a union never passes on more than it has left, nor takes back what is already held.
/// </summary>
public sealed class AllocateBudget(AppDbContext db, ProgramQueries programs, IOrgDirectory orgs, FundLedger ledger, AuditTrail audit, CurrentCadre cadre)
{
    public async Task<ProgramBudget> ExecuteAsync(long programId, BudgetAllocation request, CancellationToken ct)
    {
        var program = await programs.VisibleAsync(programId, ct);
        if (request.Amount is < 0 or > 10_000_000_000m || decimal.Round(request.Amount, 2) != request.Amount)
        {
            new FieldErrors().Add(nameof(BudgetAllocation.Amount), "预算金额应为不小于 0 的金额（精确到分）", "The budget must be an amount of 0 or more, to the fen").ThrowIfAny();
        }

        var org = await orgs.FindInScopeAsync(request.OrgId, ct);
        if (org is null || !org.Path.StartsWith(program.OrgPath, StringComparison.Ordinal))
        {
            throw new NotFoundException();
        }

        var budgets = await db.ProgramBudgets.AsNoTracking().Where(b => b.ProgramId == programId).ToListAsync(ct);
        var budget = budgets.FirstOrDefault(b => b.OrgId == org.Id);
        var from = ParentOf(budgets.Select(b => new BudgetNode(b.Id, b.OrgId, b.OrgPath, b.ParentId)).ToList(), org.Id, org.Path);
        var parent = budgets.FirstOrDefault(b => b.Id == from?.Id);
        // The program's own budget is set by its union (or one above); a union's share by the union it comes from.
        var decidedBy = parent?.OrgPath ?? program.OrgPath;
        if (!cadre.Covers(decidedBy))
        {
            var decider = parent?.OrgName ?? program.OrgName;
            throw new ForbiddenException(Loc.T($"该预算由{decider}分配", $"This budget is allocated by {decider}"));
        }

        budget ??= await AddBudgetAsync(new ProgramBudget { ProgramId = programId, OrgId = org.Id, OrgPath = org.Path, OrgName = org.Name, ParentId = parent!.Id }, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var delta = request.Amount - budget.Amount;
        var key = $"allocate:{request.RequestKey:N}";
        if (delta != 0 && !await ledger.AlreadyBookedAsync(key, ct))
        {
            try
            {
                await MoveAsync(budget, parent, delta, key, ct);
                audit.Record(ProgramAuditActions.BudgetAllocated, "assistance-program", programId.ToString(), org.Path, new { org = org.Code, request.Amount, delta });
                await db.SaveChangesAsync(ct);
            }
            catch (Exception ex) when (ex is DbUpdateException or ConflictException)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                if (!await ledger.AlreadyBookedAsync(key, ct))
                {
                    throw;
                }

                // The same request (a double click, a retry) was booked by its twin, which committed first: done once, as asked.
                return await db.ProgramBudgets.AsNoTracking().FirstAsync(b => b.Id == budget.Id, ct);
            }
        }

        await transaction.CommitAsync(ct);
        return await db.ProgramBudgets.AsNoTracking().FirstAsync(b => b.Id == budget.Id, ct);
    }

    /// <summary>
    /// Whether the signed-in cadre may set the budget of the union at <paramref name="orgPath"/>: the check
    /// <see cref="ExecuteAsync"/> makes, asked by the program page so that it offers only those unions.
    /// </summary>
    public bool MayAllocate(ProgramView program, long orgId, string orgPath)
    {
        var parent = ParentOf(program.Budgets.Select(b => new BudgetNode(b.Id, b.OrgId, b.OrgPath, b.ParentId)).ToList(), orgId, orgPath);
        return parent is null ? program.Program.Owned : cadre.Covers(parent.OrgPath);
    }

    private sealed record BudgetNode(long Id, long OrgId, string OrgPath, long? ParentId);

    /// <summary>The budget a union's share comes from: its own budget's parent, or for a union without one the nearest budget above it.</summary>
    private static BudgetNode? ParentOf(IReadOnlyList<BudgetNode> budgets, long orgId, string orgPath)
    {
        var own = budgets.FirstOrDefault(b => b.OrgId == orgId);
        return own is null
            ? budgets.Where(b => orgPath.StartsWith(b.OrgPath, StringComparison.Ordinal) && b.OrgId != orgId).MaxBy(b => b.OrgPath.Length)
            : budgets.FirstOrDefault(b => b.Id == own.ParentId);
    }

    /// <summary>Parent row first, then the org's own, in every case: two changes on one branch never wait on each other crosswise.</summary>
    private async Task MoveAsync(ProgramBudget budget, ProgramBudget? parent, decimal delta, string key, CancellationToken ct)
    {
        if (parent is not null && !await ledger.TryPassOnAsync(parent.Id, delta, ct))
        {
            throw new ConflictException(Loc.T($"{parent.OrgName}可分配的预算不足（本次增加 {Yuan(delta)} 元）",
                $"{parent.OrgName} has not enough budget left to pass on ({Yuan(delta)} yuan more asked)"));
        }

        if (!await ledger.TryChangeAmountAsync(budget.Id, budget.Amount, delta, ct))
        {
            throw new ConflictException(delta < 0
                ? Loc.T($"{budget.OrgName}的预算已变化，或已分配、占用，不能减少 {Yuan(-delta)} 元，请刷新后再办理",
                    $"{budget.OrgName}'s budget changed, or is passed on or held; it cannot be cut by {Yuan(-delta)} yuan. Reload and retry")
                : Loc.T($"{budget.OrgName}的预算已被他人修改，请刷新后再办理", $"{budget.OrgName}'s budget changed meanwhile; reload and retry"));
        }

        ledger.Book(budget.ProgramId, budget.Id, null, FundEntryKind.Allocated, delta, key);
        if (parent is not null)
        {
            ledger.Book(budget.ProgramId, parent.Id, null, FundEntryKind.AllocatedOut, delta, key + ":out");
        }
    }

    /// <summary>An org's empty budget row; when a twin request made it first, that one.</summary>
    private async Task<ProgramBudget> AddBudgetAsync(ProgramBudget budget, CancellationToken ct)
    {
        db.ProgramBudgets.Add(budget);
        try
        {
            await db.SaveChangesAsync(ct);
            return budget;
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await db.ProgramBudgets.AsNoTracking().FirstOrDefaultAsync(b => b.ProgramId == budget.ProgramId && b.OrgId == budget.OrgId, ct)
                ?? throw new ConflictException(Loc.T("该单位的预算正由他人设置，请刷新后再办理", "Someone else is setting this budget; reload and try again"));
        }
    }
}