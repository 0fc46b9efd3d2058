using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;

using static WorkersHome.Modules.Assistance.Programs.ProgramNames;

namespace WorkersHome.Modules.Assistance.Applications;

/// <summary>
/// The last approval of an application, by an approver or on the spot at the desk: it reserves the amount from the
/// budget of the nearest union that has one, in the same transaction, and is refused when that budget has less left —
/// however many approvers press at once (docs/adr/0009). The payment then waits for finance's next batch.
/// </summary>
public sealed class FinalApproval(
    AppDbContext db, FundLedger ledger, IMemberDirectory members, Cards.Contracts.ILinkedBankAccounts bankAccounts, ApplicationQueries queries,
    PersonalDataProtector protector, ApplicationSteps steps, TimeProvider clock)
{
    public async Task ApproveAsync(AssistanceApplication application, ApplicationDecision decision, CancellationToken ct, ProgramRules? rules = null)
    {
        var key = $"reserve:{application.Id:N}";
        var paths = ProgramQueries.PathsUpTo(application.OrgPath);
        // Read and prepared before the budget row is locked: every statement and every decryption between the
        // reservation and the commit holds up the other approvals of the same budget.
        rules ??= ProgramQueries.Read(await db.ProgramRuleVersions.AsNoTracking().FirstAsync(v => v.Id == application.RuleVersionId, ct));
        var phoneHash = await members.SignInPhoneHashAsync(application.MemberId, ct);
        var payment = await PaymentForAsync(application, ct);
        var budget = await db.ProgramBudgets.AsNoTracking().Where(b => b.ProgramId == application.ProgramId && paths.Contains(b.OrgPath))
            .OrderByDescending(b => b.OrgPath.Length).FirstOrDefaultAsync(ct)
            ?? throw new ConflictException(Loc.T("该项目尚未向申请人所在工会分配预算", "No budget of this program covers the applicant's union yet"));
        // The budget row is locked as late as it can be: after everything else is written, so that it is held only for
        // the reservation and the commit. A program that caps a person's total checks the cap under that lock, so that two
        // claims of one person approved at once both see each other; there the lock comes first (docs/adr/0009).
        var lockFirst = rules.PeriodCap > 0;
        if (budget.Amount - budget.AllocatedOut - budget.Reserved - budget.Paid < application.Amount)
        {
            // Already spent as last committed: refused before anything is written. Room that this read misses is
            // never overdrawn either way — the reservation below is what decides.
            throw OverBudget(budget, application);
        }


        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (lockFirst)
        {
            await ReserveAsync(budget, application, ct);
            await EnsureWithinPeriodCapAsync(application, rules, ct);
        }

        ledger.Book(application.ProgramId, budget.Id, application.Id, FundEntryKind.Reserved, application.Amount, key);
        payment.BudgetId = budget.Id;
        db.Payments.Add(payment);
        application.Approve(budget.Id, clock.GetUtcNow());
        steps.Notify(phoneHash, Loc.T("帮扶申请已批准", "Assistance application approved"),
            Loc.T($"您的帮扶申请已批准，金额 {Yuan(application.Amount)} 元，将按规定发放。", $"Your assistance application is approved: {Yuan(application.Amount)} yuan, to be paid as the rules say."));
        await db.WithoutSavepointsAsync(() => steps.SaveAsync(application, decision.Version, ApplicationStepKind.Approved,
            Loc.T($"批准 {Yuan(application.Amount)} 元，占用{budget.OrgName}预算", $"Approved {Yuan(application.Amount)} yuan from {budget.OrgName}'s budget"),
            ApplicationSteps.Trim(decision.Reason), ct));
        if (!lockFirst)
        {
            try
            {
                await ReserveAsync(budget, application, ct);
            }
            catch (ConflictException)
            {
                await transaction.RollbackAsync(ct);
                await ForgetApprovalAsync(application, ct);
                throw;
            }
        }

        await transaction.CommitAsync(ct);
    }

    private async Task ReserveAsync(ProgramBudget budget, AssistanceApplication application, CancellationToken ct)
    {
        if (!await ledger.TryReserveAsync(budget.Id, application.Amount, ct))
        {
            throw OverBudget(budget, application);
        }
    }

    private static ConflictException OverBudget(ProgramBudget budget, AssistanceApplication application) =>
        new(Loc.T($"超出年度预算：{budget.OrgName}本项目可用预算不足 {Yuan(application.Amount)} 元",
            $"Over the year's budget: {budget.OrgName} has less than {Yuan(application.Amount)} yuan left in this program"));

    /// <summary>
    /// After a refusal at the reservation, the rows this approval saved were rolled back: they leave the context, and the
    /// application is read again as it is stored, so that the caller (a desk that tried to decide on the spot) shows it waiting.
    /// </summary>
    private async Task ForgetApprovalAsync(AssistanceApplication application, CancellationToken ct)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => !ReferenceEquals(e.Entity, application)).ToList())
        {
            entry.State = EntityState.Detached;
        }

        await db.Entry(application).ReloadAsync(ct);
    }

    /// <summary>
    /// The payment to the account the applicant gave, waiting for finance's next batch (the caller sets the budget it is
    /// paid from). A payout to the service card goes to the account linked now: a member who linked a new bank card
    /// since filing is paid on it; one who unlinked it is paid to the account linked at filing.
    /// </summary>
    private async Task<Disbursement.Payment> PaymentForAsync(AssistanceApplication application, CancellationToken ct)
    {
        var facts = JsonSerializer.Deserialize<ApplicationFacts>(protector.Decrypt(application.FactsCipher), ProgramQueries.Json)!;
        var (bank, account) = (facts.BankName ?? "", facts.AccountNumber ?? "");
        if (facts.ToCard && await bankAccounts.FindAsync(application.MemberId, ct) is { } linked)
        {
            (bank, account) = (linked.BankName, linked.AccountNumber);
        }

        return new Disbursement.Payment
        {
            ApplicationId = application.Id,
            ProgramId = application.ProgramId,
            OrgId = application.OrgId,
            OrgPath = application.OrgPath,
            MemberId = application.MemberId,
            PayeeName = application.MemberName,
            IdMasked = application.IdMasked,
            BankName = bank,
            ToCardAccount = facts.ToCard,
            AccountCipher = protector.Encrypt(account),
            AccountMasked = account.Length > 4 ? "****" + account[^4..] : "****",
            Amount = application.Amount,
            CreatedAt = clock.GetUtcNow(),
        };
    }

    private async Task EnsureWithinPeriodCapAsync(AssistanceApplication application, ProgramRules rules, CancellationToken ct)
    {
        if (rules.PeriodCap <= 0)
        {
            return;
        }

        var received = await queries.ReceivedAsync(application.MemberId, application.ProgramId, ct);
        if (received + application.Amount > rules.PeriodCap)
        {
            throw new ConflictException(Loc.T($"超出本期累计上限 {Yuan(rules.PeriodCap)} 元：已批准 {Yuan(received)} 元，本申请 {Yuan(application.Amount)} 元",
                $"Over the period cap of {Yuan(rules.PeriodCap)} yuan: {Yuan(received)} yuan approved before, {Yuan(application.Amount)} yuan asked"));
        }
    }
}