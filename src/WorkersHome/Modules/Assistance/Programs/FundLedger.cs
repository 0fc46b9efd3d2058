using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Programs;

/// <summary>
/// The fund ledger and the budget figures it keeps in step. Each change to a budget row is one conditional UPDATE (it
/// takes the row's lock until the caller's transaction ends, so concurrent approvals queue on the same budget and the
/// condition sees every earlier one); each operation appends one entry with a unique idempotency key. The caller saves
/// and commits both together.
/// </summary>
public sealed class FundLedger(AppDbContext db, CurrentCadre cadre, TimeProvider clock)
{
    public Task<bool> AlreadyBookedAsync(string key, CancellationToken ct) => db.FundEntries.AnyAsync(e => e.IdempotencyKey == key, ct);

    /// <summary>Passes budget to a union below (or takes it back with a negative amount); never more than is left.</summary>
    public async Task<bool> TryPassOnAsync(long budgetId, decimal amount, CancellationToken ct) =>
        await db.ProgramBudgets.Where(b => b.Id == budgetId && (amount <= 0 || b.Amount - b.AllocatedOut - b.Reserved - b.Paid >= amount))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.AllocatedOut, b => b.AllocatedOut + amount), ct) == 1;

    /// <summary>Changes what a budget received, if it still is what the caller saw; a cut never goes below what is passed on or held.</summary>
    public async Task<bool> TryChangeAmountAsync(long budgetId, decimal expected, decimal delta, CancellationToken ct) =>
        await db.ProgramBudgets.Where(b => b.Id == budgetId && b.Amount == expected && (delta >= 0 || b.Amount - b.AllocatedOut - b.Reserved - b.Paid >= -delta))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Amount, b => b.Amount + delta), ct) == 1;

    /// <summary>Holds an approved amount; false when the budget has less left.</summary>
    public async Task<bool> TryReserveAsync(long budgetId, decimal amount, CancellationToken ct) =>
        await db.ProgramBudgets.Where(b => b.Id == budgetId && b.Amount - b.AllocatedOut - b.Reserved - b.Paid >= amount)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Reserved, b => b.Reserved + amount), ct) == 1;

    /// <summary>Moves held money to paid (a payment sent), or back with a negative amount (a payment returned).</summary>
    public async Task<bool> TrySettleAsync(long budgetId, decimal amount, CancellationToken ct) =>
        await db.ProgramBudgets.Where(b => b.Id == budgetId && (amount >= 0 ? b.Reserved >= amount : b.Paid >= -amount))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Reserved, b => b.Reserved - amount).SetProperty(b => b.Paid, b => b.Paid + amount), ct) == 1;

    /// <summary>Gives a hold back to the budget (a payment cancelled).</summary>
    public async Task<bool> TryReleaseAsync(long budgetId, decimal amount, CancellationToken ct) =>
        await db.ProgramBudgets.Where(b => b.Id == budgetId && b.Reserved >= amount)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Reserved, b => b.Reserved - amount), ct) == 1;

    public void Book(long programId, long budgetId, Guid? applicationId, FundEntryKind kind, decimal amount, string key) =>
        db.FundEntries.Add(new FundEntry
        {
            ProgramId = programId,
            BudgetId = budgetId,
            ApplicationId = applicationId,
            Kind = kind,
            Amount = amount,
            IdempotencyKey = key,
            At = clock.GetUtcNow(),
            Actor = cadre.UserNameOrNull ?? "system",
        });
}