using System.Diagnostics;
using System.Text.Json;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Npgsql;

using NpgsqlTypes;

using WorkersHome.Bench.Infrastructure;
using WorkersHome.Bench.Scenarios.Registry;
using WorkersHome.Bench.Scenarios.Tree;
using WorkersHome.Demo;
using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Applications;
using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Assistance.Disbursement;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Members;
using WorkersHome.Modules.Organizations;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Security;

namespace WorkersHome.Bench.Scenarios.Disburse;

/// <summary>What the sending run needs: the program, who acts, and the confirmed batches waiting to be sent.</summary>
internal sealed record DisburseWorld(long ProgramId, ActingCadre ProgramOfficer, ActingCadre Finance, IReadOnlyList<long> Batches, int Payments, decimal Amount);

/// <summary>
/// Seeds a program with approved payments to send. The tree and members come from the other scenarios' seeders; the
/// program and its budgets (the province's, and one passed to each of the unions) are made through CreateProgram and
/// AllocateBudget as the program officer; the approvals' outcome is bulk-loaded with COPY as FinalApproval's
/// approval writes it (the application approved with its budget, the payment waiting for a batch, the Reserved ledger
/// entry keyed "reserve:{application}", the budget's Reserved raised by the same amount); then finance makes one batch
/// per union through CompileBatch, and a second finance officer confirms each (dual control).
/// </summary>
internal static class DisbursementSeeder
{
    /// <summary>送温暖 at a fixed amount: below the grassroots limit, so each was approved by the union itself.</summary>
    public const decimal Amount = 1_000m;

    public const string FinanceUser = "bench.finance";
    private const string ConfirmerUser = "bench.finance2";
    private const string OfficerUser = "bench.programs";
    private const string ClerkUser = "bench.clerk";
    private const string ApproverUser = "bench.approver";
    private const int Makers = 8;

    private static readonly string[] Banks = ["中国工商银行", "中国农业银行", "中国银行", "中国建设银行", "交通银行", "中国邮政储蓄银行"];

    public static async Task<DisburseWorld> SeedAsync(IServiceProvider services, AppContexts contexts, string connectionString, int payments, int orgs,
        CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        var perOrg = (payments + orgs - 1) / orgs;
        // A fifth more unions than paid ones, and members enough that the best-filled unions each have a payee per payment.
        await NationalTreeSeeder.LoadAsync(contexts, NationalTreeSeeder.Divisions(1), orgs + orgs / 5 + 1, 2026, ct);
        var protector = services.GetRequiredService<PersonalDataProtector>();
        await Step("members", () => MemberSeeder.LoadAsync(contexts, connectionString, protector, Math.Max(2_000, payments * 22 / 10), 2026, ct));

        OrgUnit province;
        List<(OrgUnit Union, List<Member> Payees)> unions;
        await using (var db = contexts.WholeTree())
        {
            province = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Level == OrgLevel.Province, ct);
            unions = await PayeesAsync(db, payments, orgs, ct);
        }

        var (officer, finance, confirmer) = await Step("cadre accounts", () => CadresAsync(services, province, ct));
        var programId = await Step("program", () => CreateProgramAsync(services, officer, province, ct));
        var budgets = await Step($"budgets: the province's and {unions.Count} unions' (AllocateBudget)", () => AllocateAsync(services, officer, programId, province, unions, ct));
        await Step($"{payments} approved applications with payments and holds (COPY)", () => ApproveAsync(services, connectionString, programId, unions, budgets, ct));
        await using (var db = contexts.WholeTree())
        {
            // A live server's autovacuum would have analysed the freshly filled tables.
            await Step("vacuum analyze", () => db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)", ct));
        }

        var batches = await Step($"{unions.Count} batches made and confirmed by finance (CompileBatch and ConfirmBatch, {Makers} at a time)",
            () => BatchesAsync(services, finance, confirmer, programId, unions, ct));
        Console.WriteLine($"seed: total {total.Elapsed.TotalSeconds:F1} s");
        return new DisburseWorld(programId, officer, finance, batches, unions.Sum(u => u.Payees.Count), Amount);
    }

    /// <summary>The unions with the most current members, and as many of their members as payments are due there.</summary>
    private static async Task<List<(OrgUnit, List<Member>)>> PayeesAsync(AppDbContext db, int payments, int orgs, CancellationToken ct)
    {
        var current = await db.Members.AsNoTracking().Where(m => m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Retained)
            .OrderBy(m => m.Id).ToListAsync(ct);
        var chosen = current.GroupBy(m => m.OrgId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(orgs).ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(o => o.Level == OrgLevel.Grassroots).ToDictionaryAsync(o => o.Id, ct);
        var result = new List<(OrgUnit, List<Member>)>();
        for (var i = 0; i < chosen.Count; i++)
        {
            var due = payments / orgs + (i < payments % orgs ? 1 : 0);
            var members = chosen[i].Take(due).ToList();
            if (members.Count < due)
            {
                throw new InvalidOperationException($"union {units[chosen[i].Key].Name} has {members.Count} current members for {due} payments; use fewer --payments per --orgs");
            }

            result.Add((units[chosen[i].Key], members));
        }

        if (result.Count < orgs)
        {
            throw new InvalidOperationException($"only {result.Count} unions have members, {orgs} needed");
        }

        return result;
    }

    private static async Task<(ActingCadre Officer, ActingCadre Finance, ActingCadre Confirmer)> CadresAsync(IServiceProvider services, OrgUnit province, CancellationToken ct)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AppDbContext>().UseWholeTree();
            await DemoSeeder.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<CadreRole>>());
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
            foreach (var (name, role) in new[] { (OfficerUser, Roles.AssistanceOfficer), (FinanceUser, Roles.FinanceOfficer), (ConfirmerUser, Roles.FinanceOfficer) })
            {
                var user = new CadreUser { Id = Guid.NewGuid(), UserName = name, DisplayName = "压测" + name, OrgId = province.Id, CreatedAt = DateTimeOffset.UtcNow };
                Check(await users.CreateAsync(user), name);
                Check(await users.AddToRoleAsync(user, role), name);
            }
        }

        return (await ActingCadre.FindAsync(services, OfficerUser, ct), await ActingCadre.FindAsync(services, FinanceUser, ct),
            await ActingCadre.FindAsync(services, ConfirmerUser, ct));
    }

    private static async Task<long> CreateProgramAsync(IServiceProvider services, ActingCadre officer, OrgUnit province, CancellationToken ct)
    {
        await using var scope = officer.Scope(services);
        var year = ChinaTime.DayOf(DateTimeOffset.UtcNow).Year;
        var program = await scope.ServiceProvider.GetRequiredService<CreateProgram>()
            .ExecuteAsync(new NewProgram($"{year}年送温暖（代发压测）", ProgramType.LivingRelief, province.Id, year, null, null, new ProgramRules { FixedAmount = Amount }), ct);
        return program.Id;
    }

    /// <summary>
    /// The province's budget (a tenth more than all the payments), then each union's share passed down from it, exactly
    /// what the union's payments need; returns each union's budget id.
    /// </summary>
    private static async Task<Dictionary<long, long>> AllocateAsync(IServiceProvider services, ActingCadre officer, long programId, OrgUnit province,
        List<(OrgUnit Union, List<Member> Payees)> unions, CancellationToken ct)
    {
        var needed = unions.Sum(u => u.Payees.Count) * Amount;
        var allocations = unions.Select(u => (u.Union, u.Payees.Count * Amount)).Prepend((province, needed + needed / 10));
        var budgets = new Dictionary<long, long>();
        foreach (var (org, amount) in allocations)
        {
            await using var scope = officer.Scope(services);
            var budget = await scope.ServiceProvider.GetRequiredService<AllocateBudget>().ExecuteAsync(programId, new BudgetAllocation(org.Id, amount, Guid.NewGuid()), ct);
            budgets[org.Id] = budget.Id;
        }

        return budgets;
    }

    private sealed record Approval(AssistanceApplication Application, Payment Payment, FundEntry Hold);

    /// <summary>
    /// What FinalApproval.ApproveAsync leaves behind for each payee, in an order that mixes the unions (as
    /// approvals arrive): the application approved (version 2, its budget set), its payment (PaymentFor: waiting, attempt
    /// 1, the account encrypted and masked), the Reserved ledger entry and the budget's Reserved raised.
    /// </summary>
    private static async Task ApproveAsync(IServiceProvider services, string connectionString, long programId,
        List<(OrgUnit Union, List<Member> Payees)> unions, Dictionary<long, long> budgets, CancellationToken ct)
    {
        var protector = services.GetRequiredService<PersonalDataProtector>();
        var rules = new ProgramRules { FixedAmount = Amount };
        var judgement = RuleEvaluator.Judge(rules, new ApplicantFacts(false, HardshipCause.None, default, null, null, 0));
        var plan = ApprovalPlan.For(rules, judgement.Amount);
        if (!judgement.Eligible || judgement.Amount != Amount)
        {
            throw new InvalidOperationException($"the rules judged {judgement.Amount}: {judgement.Explanation}");
        }

        long ruleVersionId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.UseWholeTree();
            ruleVersionId = await db.ProgramRuleVersions.Where(v => v.ProgramId == programId && v.Number == 1).Select(v => v.Id).SingleAsync(ct);
        }

        var random = new Random(2026);
        var payees = unions.SelectMany(u => u.Payees.Select(m => (u.Union, Member: m))).ToArray();
        random.Shuffle(payees);
        var now = DateTimeOffset.UtcNow;
        var approvals = new Approval[payees.Length];
        var accounts = payees.Select(_ => "62220202" + random.NextInt64(10_000_000_000L, 99_999_999_999L).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Parallel.For(0, payees.Length, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var (union, member) = payees[i];
            var account = accounts[i];
            var bank = Banks[i % Banks.Length];
            var filedAt = now.AddSeconds(-3 * (payees.Length - i) - 3_600);
            var decidedAt = filedAt.AddMinutes(30);
            var budgetId = budgets[union.Id];
            var application = new AssistanceApplication
            {
                Id = Guid.CreateVersion7(filedAt),
                ProgramId = programId,
                RuleVersionId = ruleVersionId,
                RuleVersionNumber = 1,
                MemberId = member.Id,
                MemberName = member.Name,
                IdMasked = member.IdMasked,
                OrgId = union.Id,
                OrgPath = union.Path,
                Amount = judgement.Amount,
                ExplanationZh = judgement.Explanation.Zh,
                ExplanationEn = judgement.Explanation.En,
                ApprovalLevel = plan.Level,
                ApproversNeeded = plan.Approvers,
                HouseholdIdHashes = member.IdHash,
                PersonKey = $"m:{member.Id:N}",
                SubmissionKey = Guid.NewGuid(),
                FactsCipher = protector.Encrypt(JsonSerializer.Serialize(new ApplicationFacts(null, "生活困难，申请送温暖补助", [], bank, account), ProgramQueries.Json)),
                FiledBy = ClerkUser,
                FiledAt = filedAt,
                Version = 2,
            };
            application.Approve(budgetId, decidedAt);
            var payment = new Payment
            {
                ApplicationId = application.Id,
                ProgramId = programId,
                BudgetId = budgetId,
                OrgId = union.Id,
                OrgPath = union.Path,
                MemberId = member.Id,
                PayeeName = member.Name,
                IdMasked = member.IdMasked,
                BankName = bank,
                AccountCipher = protector.Encrypt(account),
                AccountMasked = "****" + account[^4..],
                Amount = application.Amount,
                CreatedAt = decidedAt,
            };
            var hold = new FundEntry
            {
                ProgramId = programId,
                BudgetId = budgetId,
                ApplicationId = application.Id,
                Kind = FundEntryKind.Reserved,
                Amount = application.Amount,
                IdempotencyKey = $"reserve:{application.Id:N}",
                At = decidedAt,
                Actor = ApproverUser,
            };
            approvals[i] = new Approval(application, payment, hold);
        });

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await CopyAsync(connection, "assistance.applications", ApplicationColumns, approvals, WriteApplication, ct);
        await CopyAsync(connection, "assistance.payments", PaymentColumns, approvals, WritePayment, ct);
        await CopyAsync(connection, "assistance.fund_entries", EntryColumns, approvals, WriteHold, ct);
        var held = approvals.GroupBy(a => a.Hold.BudgetId).Select(g => (Budget: g.Key, Sum: g.Sum(a => a.Hold.Amount))).ToList();
        await using (var raise = new NpgsqlCommand(
            """
            UPDATE assistance.program_budgets b SET "Reserved" = b."Reserved" + h.amount
            FROM unnest(@budgets, @amounts) AS h(id, amount) WHERE b."Id" = h.id
            """, connection, transaction))
        {
            raise.Parameters.AddWithValue("budgets", held.Select(h => h.Budget).ToArray());
            raise.Parameters.AddWithValue("amounts", held.Select(h => h.Sum).ToArray());
            if (await raise.ExecuteNonQueryAsync(ct) != held.Count)
            {
                throw new InvalidOperationException("not every budget's hold was raised");
            }
        }

        await transaction.CommitAsync(ct);
    }

    private static readonly string[] ApplicationColumns =
    [
        "Id", "ProgramId", "RuleVersionId", "RuleVersionNumber", "MemberId", "MemberName", "IdMasked", "OrgId", "OrgPath", "Status", "SchoolLevel", "Amount",
        "ExplanationZh", "ExplanationEn", "ApprovalLevel", "ApproversNeeded", "FirstApprover", "HouseholdIdHashes", "PersonKey", "SubmissionKey", "FactsCipher",
        "BudgetId", "FiledBy", "FiledAt", "DecidedAt", "LastReason", "Version",
    ];

    private static readonly string[] PaymentColumns =
    [
        "ApplicationId", "ProgramId", "BudgetId", "OrgId", "OrgPath", "MemberId", "PayeeName", "IdMasked", "BankName", "AccountCipher", "AccountMasked",
        "Amount", "Status", "BatchId", "Attempt", "FailureReason", "CreatedAt", "PaidAt", "SendToken", "ToCardAccount",
    ];

    private static readonly string[] EntryColumns = ["ProgramId", "BudgetId", "ApplicationId", "Kind", "Amount", "IdempotencyKey", "At", "Actor"];

    private static async Task CopyAsync(NpgsqlConnection connection, string table, string[] columns, Approval[] rows, Action<NpgsqlBinaryImporter, Approval> write,
        CancellationToken ct)
    {
        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            writer.StartRow();
            write(writer, row);
        }

        await writer.CompleteAsync(ct);
    }

    private static void WriteApplication(NpgsqlBinaryImporter w, Approval row)
    {
        var a = row.Application;
        w.Write(a.Id, NpgsqlDbType.Uuid);
        w.Write(a.ProgramId, NpgsqlDbType.Bigint);
        w.Write(a.RuleVersionId, NpgsqlDbType.Bigint);
        w.Write(a.RuleVersionNumber, NpgsqlDbType.Integer);
        w.Write(a.MemberId, NpgsqlDbType.Uuid);
        w.Write(a.MemberName, NpgsqlDbType.Varchar);
        w.Write(a.IdMasked, NpgsqlDbType.Varchar);
        w.Write(a.OrgId, NpgsqlDbType.Bigint);
        w.Write(a.OrgPath, NpgsqlDbType.Varchar);
        w.Write((int)a.Status, NpgsqlDbType.Integer);
        w.WriteNull();
        w.Write(a.Amount, NpgsqlDbType.Numeric);
        w.Write(a.ExplanationZh, NpgsqlDbType.Varchar);
        w.Write(a.ExplanationEn, NpgsqlDbType.Varchar);
        w.Write(a.ApprovalLevel, NpgsqlDbType.Integer);
        w.Write(a.ApproversNeeded, NpgsqlDbType.Integer);
        w.WriteNull();
        w.Write(a.HouseholdIdHashes, NpgsqlDbType.Varchar);
        w.Write(a.PersonKey, NpgsqlDbType.Varchar);
        w.Write(a.SubmissionKey, NpgsqlDbType.Uuid);
        w.Write(a.FactsCipher, NpgsqlDbType.Varchar);
        w.Write(a.BudgetId!.Value, NpgsqlDbType.Bigint);
        w.Write(a.FiledBy, NpgsqlDbType.Varchar);
        w.Write(a.FiledAt, NpgsqlDbType.TimestampTz);
        w.Write(a.DecidedAt!.Value, NpgsqlDbType.TimestampTz);
        w.WriteNull();
        w.Write(a.Version, NpgsqlDbType.Integer);
    }

    private static void WritePayment(NpgsqlBinaryImporter w, Approval row)
    {
        var p = row.Payment;
        w.Write(p.ApplicationId, NpgsqlDbType.Uuid);
        w.Write(p.ProgramId, NpgsqlDbType.Bigint);
        w.Write(p.BudgetId, NpgsqlDbType.Bigint);
        w.Write(p.OrgId, NpgsqlDbType.Bigint);
        w.Write(p.OrgPath, NpgsqlDbType.Varchar);
        w.Write(p.MemberId, NpgsqlDbType.Uuid);
        w.Write(p.PayeeName, NpgsqlDbType.Varchar);
        w.Write(p.IdMasked, NpgsqlDbType.Varchar);
        w.Write(p.BankName, NpgsqlDbType.Varchar);
        w.Write(p.AccountCipher, NpgsqlDbType.Varchar);
        w.Write(p.AccountMasked, NpgsqlDbType.Varchar);
        w.Write(p.Amount, NpgsqlDbType.Numeric);
        w.Write((int)p.Status, NpgsqlDbType.Integer);
        w.WriteNull();
        w.Write(p.Attempt, NpgsqlDbType.Integer);
        w.WriteNull();
        w.Write(p.CreatedAt, NpgsqlDbType.TimestampTz);
        w.WriteNull();
        w.WriteNull();
        w.Write(p.ToCardAccount, NpgsqlDbType.Boolean);
    }

    private static void WriteHold(NpgsqlBinaryImporter w, Approval row)
    {
        var e = row.Hold;
        w.Write(e.ProgramId, NpgsqlDbType.Bigint);
        w.Write(e.BudgetId, NpgsqlDbType.Bigint);
        w.Write(e.ApplicationId!.Value, NpgsqlDbType.Uuid);
        w.Write((int)e.Kind, NpgsqlDbType.Integer);
        w.Write(e.Amount, NpgsqlDbType.Numeric);
        w.Write(e.IdempotencyKey, NpgsqlDbType.Varchar);
        w.Write(e.At, NpgsqlDbType.TimestampTz);
        w.Write(e.Actor, NpgsqlDbType.Varchar);
    }

    /// <summary>Finance makes one batch per union (a request key each) and a second officer confirms it, each step a request of its own.</summary>
    private static async Task<List<long>> BatchesAsync(IServiceProvider services, ActingCadre finance, ActingCadre confirmer, long programId, List<(OrgUnit Union, List<Member> Payees)> unions,
        CancellationToken ct)
    {
        var ids = new long[unions.Count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Makers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < unions.Count)
            {
                PaymentBatch batch;
                await using (var scope = finance.Scope(services))
                {
                    batch = await scope.ServiceProvider.GetRequiredService<CompileBatch>().ExecuteAsync(new NewBatch(programId, unions[i].Union.Id, Guid.NewGuid()), ct);
                }

                if (batch.ItemCount != unions[i].Payees.Count || batch.Total != unions[i].Payees.Count * Amount)
                {
                    throw new InvalidOperationException($"batch {batch.Id} of {unions[i].Union.Name} holds {batch.ItemCount} payments, {unions[i].Payees.Count} expected");
                }

                await using (var scope = confirmer.Scope(services))
                {
                    await scope.ServiceProvider.GetRequiredService<ConfirmBatch>().ExecuteAsync(batch.Id, new BatchDecision(batch.Version), ct);
                }

                ids[i] = batch.Id;
            }
        }, ct)));
        return [.. ids];
    }

    private static void Check(IdentityResult result, string name)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{name}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    private static async Task<T> Step<T>(string name, Func<Task<T>> action)
    {
        var watch = Stopwatch.StartNew();
        var result = await action();
        Console.WriteLine($"seed: {name} {watch.Elapsed.TotalSeconds:F1} s");
        return result;
    }

    private static async Task Step(string name, Func<Task> action) => await Step(name, async () =>
    {
        await action();
        return 0;
    });
}