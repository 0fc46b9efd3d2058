using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using MiniExcelLibs;

using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Assistance.Disbursement;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Cards;
using WorkersHome.Modules.Cards.Issue;
using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Testing;

using static WorkersHome.Tests.Modules.Assistance.AssistanceProgramTests;

namespace WorkersHome.Tests.Modules.Assistance;

public sealed class DisbursementFixture : AppFixture;

/// <summary>Batches, finance's confirmation, sending, the bank file and results, retries and cancellations, all on the fund ledger, on PostgreSQL.</summary>
public sealed class DisbursementTests(DisbursementFixture fixture) : IClassFixture<DisbursementFixture>
{
    private static int _sequence;

    private static async Task<T> Read<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return JsonSerializer.Deserialize<T>(body, TestJson.Options)!;
    }

    /// <summary>A relief program of 1,000 yuan a household with a budget, and this many approved applications waiting to be paid.</summary>
    private async Task<(long ProgramId, List<Guid> Applications)> ApprovedAsync(int count)
    {
        var programId = await ProgramAsync();
        var applications = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            applications.Add(await FiledAndApprovedAsync(Aid(programId, null, null, null, null, null), await MemberAsync()));
        }

        return (programId, applications);
    }

    private async Task<long> ProgramAsync()
    {
        var created = await fixture.Cadre("zz.assist").PostAsJsonAsync("/api/assistance/programs",
            new NewProgram($"代发测试{Interlocked.Increment(ref _sequence)}", ProgramType.LivingRelief, fixture.World.Org("4101"), DateTime.UtcNow.Year, null, null,
                new ProgramRules { FixedAmount = 1_000 }), TestJson.Options);
        var programId = (await Read<ProgramView>(created, HttpStatusCode.Created)).Program.Id;
        await Read<BudgetView>(await fixture.Cadre("zz.assist").PutAsJsonAsync($"/api/assistance/programs/{programId}/budgets",
            new BudgetAllocation(fixture.World.Org("4101"), 100_000, Guid.NewGuid()), TestJson.Options));
        return programId;
    }

    private async Task<Guid> MemberAsync() => (await RegisteredAsync()).Id;

    /// <summary>A new member of Zhengzhou's test union, with the ID number and name they sign in with (phone "139" + the ID's last eight).</summary>
    private async Task<(Guid Id, string IdNumber, string Name)> RegisteredAsync()
    {
        var n = Interlocked.Increment(ref _sequence);
        var idNumber = ResidentIdNumber.Compose("410102", new DateOnly(1970, 1, 1).AddDays(n * 53), 200 + n, Gender.Male);
        await using var scope = fixture.Factory.WholeTreeScope(out _);
        var register = scope.ServiceProvider.GetRequiredService<WorkersHome.Modules.Members.Register.RegisterMember>();
        var name = TestWorld.PersonName("代发", n);
        return ((await register.ExecuteAsync(TestWorld.Member(fixture.World.Org(TestWorld.ZhengzhouUnionCode), name, idNumber))).Id, idNumber, name);
    }

    private async Task<Guid> FiledAndApprovedAsync(WorkersHome.Modules.Assistance.Applications.ApplicationForm form, Guid memberId)
    {
        var filed = await fixture.Cadre("zy.assist").PostAsJsonAsync($"/api/assistance/applications?memberId={memberId}", form, TestJson.Options);
        var id = (await Read<JsonElement>(filed)).GetProperty("id").GetGuid();
        (await fixture.Cadre("jc.assist").PostAsJsonAsync($"/api/assistance/applications/{id}/approve", new { version = 1 }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        return id;
    }

    /// <summary>Sends the program's waiting payments under Zhengzhou in one batch, compiled by one finance officer and confirmed by another.</summary>
    private async Task<BatchView> SentBatchAsync(long programId)
    {
        var finance = fixture.Cadre("zz.finance");
        var batch = (await Read<BatchView>(await finance.PostAsJsonAsync("/api/assistance/batches", new NewBatch(programId, fixture.World.Org("4101"), Guid.NewGuid()), TestJson.Options))).Batch;
        await ConfirmedBySecondOfficerAsync(batch);
        await Read<JsonElement>(await finance.PostAsync($"/api/assistance/batches/{batch.Id}/send", null));
        return (await finance.GetFromJsonAsync<BatchView>($"/api/assistance/batches/{batch.Id}", TestJson.Options))!;
    }

    /// <summary>Issues the member's service card and links a co-branded bank account to it (a valid check digit); returns the account.</summary>
    private async Task<string> LinkBankCardAsync(Guid memberId, string body)
    {
        var account = body + CardNumber.CheckDigit(body);
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var member = await scope.ServiceProvider.GetRequiredService<IMemberDirectory>().FindCheckedAsync(memberId);
        await scope.ServiceProvider.GetRequiredService<IssueCard>().ExecuteAsync(member!, "测试", default);
        var card = await db.MemberCards.IgnoreQueryFilters().SingleAsync(c => c.MemberId == memberId && c.Status == CardStatus.Active);
        await scope.ServiceProvider.GetRequiredService<BankCardLinks>().LinkAsync(card, new BankLinkRequest("中原银行", account, card.Version), "测试", default);
        return account;
    }

    private async Task ConfirmedBySecondOfficerAsync(BatchRow batch) =>
        (await fixture.Cadre("zz2.finance").PostAsJsonAsync($"/api/assistance/batches/{batch.Id}/confirm", new BatchDecision(batch.Version), TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

    private async Task<BudgetView> BudgetAsync(long programId) =>
        (await fixture.Cadre("zz.assist").GetFromJsonAsync<ProgramView>($"/api/assistance/programs/{programId}", TestJson.Options))!.Budgets.Single(b => b.ParentId is null);

    private async Task ReconciledAsync(long programId) =>
        (await fixture.Cadre("zz.assist").GetFromJsonAsync<List<ReconciliationRow>>($"/api/assistance/programs/{programId}/reconciliation", TestJson.Options))!.ShouldAllBe(r => r.Matches);

    [Fact]
    public async Task A_batch_is_made_once_confirmed_once_sent_once_and_failed_payments_are_retried_or_cancelled()
    {
        var (programId, _) = await ApprovedAsync(3);
        var finance = fixture.Cadre("zz.finance");
        (await fixture.Cadre("zz.assist").GetAsync("/api/assistance/batches")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "payouts are finance's");
        (await finance.GetFromJsonAsync<List<PendingPayments>>("/api/assistance/payments/pending", TestJson.Options))!.Single(p => p.ProgramId == programId).Total.ShouldBe(3_000);

        // A double click makes one batch.
        var request = new NewBatch(programId, fixture.World.Org("4101"), Guid.NewGuid());
        var made = await Task.WhenAll(finance.PostAsJsonAsync("/api/assistance/batches", request, TestJson.Options), finance.PostAsJsonAsync("/api/assistance/batches", request, TestJson.Options));
        var batches = new List<BatchView>();
        foreach (var response in made)
        {
            batches.Add(await Read<BatchView>(response));
        }

        batches.Select(b => b.Batch.Id).Distinct().Count().ShouldBe(1);
        var batch = batches[0].Batch;
        (batch.ItemCount, batch.Total).ShouldBe((3, 3_000m));
        (await finance.PostAsync($"/api/assistance/batches/{batch.Id}/send", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "finance confirms first");

        // The second officer's double click: both are told it is confirmed; it is confirmed once.
        var confirmations = await Task.WhenAll(
            fixture.Cadre("zz2.finance").PostAsJsonAsync($"/api/assistance/batches/{batch.Id}/confirm", new BatchDecision(batch.Version), TestJson.Options),
            fixture.Cadre("zz2.finance").PostAsJsonAsync($"/api/assistance/batches/{batch.Id}/confirm", new BatchDecision(batch.Version), TestJson.Options));
        confirmations.ShouldAllBe(r => r.StatusCode == HttpStatusCode.NoContent);

        // Sending twice at once pays each payment once.
        var sends = await Task.WhenAll(finance.PostAsync($"/api/assistance/batches/{batch.Id}/send", null), finance.PostAsync($"/api/assistance/batches/{batch.Id}/send", null));
        var sent = 0;
        foreach (var response in sends)
        {
            sent += (await Read<JsonElement>(response)).GetProperty("sent").GetInt32();
        }

        sent.ShouldBe(3);
        (await finance.PostAsync($"/api/assistance/batches/{batch.Id}/send", null)).StatusCode.ShouldBe(HttpStatusCode.OK, "sending again changes nothing");
        var budget = await BudgetAsync(programId);
        (budget.Paid, budget.Reserved).ShouldBe((3_000m, 0m));
        await ReconciledAsync(programId);
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            (await db.FundEntries.CountAsync(e => e.ProgramId == programId && e.Kind == FundEntryKind.Paid)).ShouldBe(3);
        }

        // The bank file has the full account; the screen shows it masked; sent is not yet paid.
        var file = await finance.GetByteArrayAsync($"/api/assistance/batches/{batch.Id}/bank-file.xlsx");
        var lines = MiniExcel.Query(new MemoryStream(file), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        lines.Count.ShouldBe(3);
        lines.ShouldAllBe(l => (string)l["收款人账号"] == "6222020200001234567");
        var view = await finance.GetFromJsonAsync<BatchView>($"/api/assistance/batches/{batch.Id}", TestJson.Options);
        view!.Payments.ShouldAllBe(p => p.AccountMasked == "****4567" && p.Status == PaymentStatus.Sent);
        view.Batch.Status.ShouldBe(BatchStatus.Sent);

        // The bank returns one; a wrong line is named and nothing is kept; importing the same results twice changes nothing.
        var failedId = view.Payments[1].Id;
        var bad = await finance.PostAsJsonAsync($"/api/assistance/batches/{batch.Id}/results", new[] { new PaymentResult(failedId, false, "账户已销户"), new PaymentResult(999_999, true, null) }, TestJson.Options);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("第 2 行：付款编号 999999 不属于本批次");
        (await BudgetAsync(programId)).Paid.ShouldBe(3_000);
        var results = new[] { new PaymentResult(view.Payments[0].Id, true, null), new PaymentResult(failedId, false, "账户已销户") };
        (await Read<ResultsImport>(await finance.PostAsJsonAsync($"/api/assistance/batches/{batch.Id}/results", results, TestJson.Options))).ShouldBe(new ResultsImport(1, 1));
        (await Read<ResultsImport>(await finance.PostAsJsonAsync($"/api/assistance/batches/{batch.Id}/results", results, TestJson.Options))).ShouldBe(new ResultsImport(0, 0));
        budget = await BudgetAsync(programId);
        (budget.Paid, budget.Reserved).ShouldBe((2_000m, 1_000m));
        await ReconciledAsync(programId);

        // Sent → results imported: the credited one is paid, the returned one failed, the one without a line still sent.
        view = await finance.GetFromJsonAsync<BatchView>($"/api/assistance/batches/{batch.Id}", TestJson.Options);
        view!.Batch.Status.ShouldBe(BatchStatus.ResultsImported);
        view.Payments.Select(p => p.Status).ShouldBe([PaymentStatus.Paid, PaymentStatus.Failed, PaymentStatus.Sent]);

        // Retried, it goes out again in the next batch as attempt 2.
        (await finance.PostAsync($"/api/assistance/payments/{failedId}/retry", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var again = await Read<BatchView>(await finance.PostAsJsonAsync("/api/assistance/batches", new NewBatch(programId, fixture.World.Org("4101"), Guid.NewGuid()), TestJson.Options));
        again.Payments.Single().Attempt.ShouldBe(2);
        await ConfirmedBySecondOfficerAsync(again.Batch);
        (await Read<JsonElement>(await finance.PostAsync($"/api/assistance/batches/{again.Batch.Id}/send", null))).GetProperty("sent").GetInt32().ShouldBe(1);
        (await BudgetAsync(programId)).Paid.ShouldBe(3_000);

        // It fails again and is given up: the hold goes back to the budget.
        await Read<JsonElement>(await finance.PostAsJsonAsync($"/api/assistance/batches/{again.Batch.Id}/results", new[] { new PaymentResult(failedId, false, "户名不符") }, TestJson.Options));
        (await finance.PostAsJsonAsync($"/api/assistance/payments/{failedId}/cancel", new PaymentAction(null), TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await finance.PostAsJsonAsync($"/api/assistance/payments/{failedId}/cancel", new PaymentAction("收款人放弃"), TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        budget = await BudgetAsync(programId);
        (budget.Paid, budget.Reserved, budget.Available).ShouldBe((2_000m, 0m, 98_000m));
        await ReconciledAsync(programId);

        // Another city's finance officer sees none of it.
        (await fixture.Cadre("ly.finance").GetAsync($"/api/assistance/batches/{batch.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_payout_to_the_service_card_goes_to_the_linked_account_and_a_reversal_holds_the_money_again_once()
    {
        var programId = await ProgramAsync();
        var memberId = await MemberAsync();
        var toCard = Aid(programId, null, null, null, null, Guid.NewGuid()) with { PayToCard = true, BankName = null, AccountNumber = null };
        var unlinked = await fixture.Cadre("zy.assist").PostAsJsonAsync($"/api/assistance/applications?memberId={memberId}", toCard, TestJson.Options);
        unlinked.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unlinked.Content.ReadAsStringAsync()).ShouldContain("会员服务卡尚未绑定银行卡");

        // Linked at filing; the member links another bank card before the approval: the payment goes to the card's account now.
        await LinkBankCardAsync(memberId, "622200000000111");
        var filed = await fixture.Cadre("zy.assist").PostAsJsonAsync($"/api/assistance/applications?memberId={memberId}", toCard, TestJson.Options);
        var applicationId = (await Read<JsonElement>(filed)).GetProperty("id").GetGuid();
        var account = await LinkBankCardAsync(memberId, "622200000000222");
        (await fixture.Cadre("jc.assist").PostAsJsonAsync($"/api/assistance/applications/{applicationId}/approve", new { version = 1 }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await FiledAndApprovedAsync(Aid(programId, null, null, null, null, null), await MemberAsync());
        var batch = await SentBatchAsync(programId);
        var paid = batch.Payments.Single(p => p.ApplicationId == applicationId);
        (paid.ToCardAccount, paid.BankName, paid.AccountMasked).ShouldBe((true, "中原银行", "****" + account[^4..]));
        batch.Payments.Count(p => !p.ToCardAccount).ShouldBe(1);

        // The bank file as .csv: UTF-8 with a byte-order mark, the full account, the amount as text with two decimals.
        var finance = fixture.Cadre("zz.finance");
        var csv = await finance.GetByteArrayAsync($"/api/assistance/batches/{batch.Batch.Id}/bank-file.csv");
        csv.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = MiniExcel.Query(new MemoryStream(csv[3..]), useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object>>().ToList();
        var line = lines.Single(l => Convert.ToString(l["备注"]) == paid.Id.ToString());
        (Convert.ToString(line["收款人账号"]), Convert.ToString(line["金额"])).ShouldBe((account, "1000.00"));

        // The bank returns the money a week later: a reversal needs a reason, and two clicks at once reverse it once.
        (await finance.PostAsJsonAsync($"/api/assistance/payments/{paid.Id}/reverse", new PaymentAction(" "), TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var clicks = await Task.WhenAll(
            finance.PostAsJsonAsync($"/api/assistance/payments/{paid.Id}/reverse", new PaymentAction("银行退汇：账户状态异常"), TestJson.Options),
            fixture.Cadre("zz2.finance").PostAsJsonAsync($"/api/assistance/payments/{paid.Id}/reverse", new PaymentAction("银行退汇：账户状态异常"), TestJson.Options));
        clicks.ShouldAllBe(r => r.StatusCode == HttpStatusCode.NoContent);
        var budget = await BudgetAsync(programId);
        (budget.Paid, budget.Reserved).ShouldBe((1_000m, 1_000m));
        await ReconciledAsync(programId);
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            (await db.FundEntries.CountAsync(e => e.ProgramId == programId && e.Kind == FundEntryKind.Reversed)).ShouldBe(1);
        }

        // A late "failed" line for it in the bank's results changes nothing; it waits with the failed ones and is sent again.
        (await Read<JsonElement>(await finance.PostAsJsonAsync($"/api/assistance/batches/{batch.Batch.Id}/results", new[] { new PaymentResult(paid.Id, false, "退汇") }, TestJson.Options)))
            .GetProperty("failed").GetInt32().ShouldBe(0);
        var waiting = (await finance.GetFromJsonAsync<List<PaymentRow>>("/api/assistance/payments/failed", TestJson.Options))!.Single(p => p.Id == paid.Id);
        (waiting.Status, waiting.FailureReason).ShouldBe((PaymentStatus.Reversed, "银行退汇：账户状态异常"));
        var other = batch.Payments.Single(p => p.Id != paid.Id);
        (await finance.PostAsJsonAsync($"/api/assistance/payments/{other.Id}/cancel", new PaymentAction("误操作"), TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "a paid payment is reversed, not cancelled");
        (await finance.PostAsync($"/api/assistance/payments/{paid.Id}/retry", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var again = await SentBatchAsync(programId);
        again.Payments.Single().Attempt.ShouldBe(2);
        (await BudgetAsync(programId)).Paid.ShouldBe(2_000);
        await ReconciledAsync(programId);
        (await fixture.Cadre("zz.assist").PostAsJsonAsync($"/api/assistance/payments/{paid.Id}/reverse", new PaymentAction("x"), TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_send_cut_off_half_way_resumes_without_paying_anyone_twice()
    {
        var (programId, _) = await ApprovedAsync(4);
        var finance = fixture.Cadre("zz.finance");
        var batch = (await Read<BatchView>(await finance.PostAsJsonAsync("/api/assistance/batches", new NewBatch(programId, fixture.World.Org("4101"), Guid.NewGuid()), TestJson.Options))).Batch;
        await ConfirmedBySecondOfficerAsync(batch);

        // A crash between a chunk's update and its commit: the transaction is gone, the payments still wait.
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var first = await db.Payments.Where(p => p.BatchId == batch.Id).OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync();
            await db.Payments.Where(p => first.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Sent));
            // No commit: disposing the connection mid-transaction is what a killed process leaves behind.
        }

        (await Read<JsonElement>(await finance.PostAsync($"/api/assistance/batches/{batch.Id}/send", null))).GetProperty("sent").GetInt32().ShouldBe(4);
        (await BudgetAsync(programId)).Paid.ShouldBe(4_000);
        await ReconciledAsync(programId);
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            var paid = await db.FundEntries.Where(e => e.ProgramId == programId && e.Kind == FundEntryKind.Paid).GroupBy(e => e.ApplicationId).Select(g => g.Count()).ToListAsync();
            paid.Count.ShouldBe(4);
            paid.ShouldAllBe(n => n == 1);
        }
    }

    [Fact]
    public async Task The_relief_dashboard_rolls_up_households_helped_money_paid_and_the_figures_unions_enter()
    {
        var (programId, applications) = await ApprovedAsync(2);
        var finance = fixture.Cadre("zz.finance");
        var batch = (await Read<BatchView>(await finance.PostAsJsonAsync("/api/assistance/batches", new NewBatch(programId, fixture.World.Org("4101"), Guid.NewGuid()), TestJson.Options))).Batch;
        await ConfirmedBySecondOfficerAsync(batch);
        await Read<JsonElement>(await finance.PostAsync($"/api/assistance/batches/{batch.Id}/send", null));
        var year = DateTime.UtcNow.Year;
        (await fixture.Cadre("zy.assist").PutAsJsonAsync("/api/assistance/dashboard/figures", new WorkersHome.Modules.Assistance.Dashboard.FiguresEntry(year, 12, 5), TestJson.Options))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await fixture.Cadre("zy.assist").PutAsJsonAsync("/api/assistance/dashboard/figures", new WorkersHome.Modules.Assistance.Dashboard.FiguresEntry(year, 17, 6), TestJson.Options))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var city = (await fixture.Cadre("zz.assist").GetFromJsonAsync<WorkersHome.Modules.Assistance.Dashboard.DashboardView>($"/api/assistance/dashboard?year={year}", TestJson.Options))!;
        city.Node.Helped.ShouldBeGreaterThanOrEqualTo(applications.Count);
        city.PaidByProgram.ShouldContain(p => p.Paid == 2_000 && p.Payments == 2);
        (city.Node.Trained, city.Node.ReEmployed).ShouldBe((17, 6), "a union's second entry replaces its first");
        var zhongyuan = city.Children.Single(c => c.OrgId == fixture.World.Org("410102"));
        (zhongyuan.Trained, zhongyuan.Paid >= 2_000).ShouldBe((17, true));
        var xlsx = await fixture.Cadre("zz.assist").GetByteArrayAsync($"/api/assistance/dashboard/figures.xlsx?year={year}");
        MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>().ShouldContain(r => ((string)r["单位"]).Contains("合计"));
        (await fixture.Cadre("ly.assist").GetAsync($"/api/assistance/dashboard?orgId={fixture.World.Org("4101")}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_bank_file_follows_the_batch_payment_layout_with_full_id_numbers_text_amounts_and_guarded_cells()
    {
        var programId = await ProgramAsync();
        var (memberId, idNumber, name) = await RegisteredAsync();
        var form = Aid(programId, null, null, null, null, null) with { BankName = "=HYPERLINK(\"http://evil\")银行" };
        await FiledAndApprovedAsync(form, memberId);
        var batch = await SentBatchAsync(programId);
        var payment = batch.Payments.Single();
        payment.IdMasked.ShouldNotBe(idNumber, "the screen keeps the ID masked");
        var finance = fixture.Cadre("zz.finance");
        string[] columns = ["序号", "收款人账号", "收款人户名", "证件类型", "证件号码", "金额", "开户行", "用途", "备注"];

        var xlsx = await finance.GetByteArrayAsync($"/api/assistance/batches/{batch.Batch.Id}/bank-file.xlsx");
        var header = (IDictionary<string, object>)MiniExcel.Query(new MemoryStream(xlsx)).First();
        header.Values.Select(v => Convert.ToString(v)).ShouldBe(columns);
        var row = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>().Single();
        // Text cells: a number cell would come back as a double (an ID number read as 4.1E+17).
        row["证件号码"].ShouldBeOfType<string>().ShouldBe(idNumber);
        row["收款人账号"].ShouldBeOfType<string>().ShouldBe("6222020200001234567");
        row["金额"].ShouldBeOfType<string>().ShouldBe("1000.00");
        (row["收款人户名"], row["证件类型"], row["备注"]).ShouldBe((name, "居民身份证", payment.Id.ToString()));
        ((string)row["开户行"]).ShouldStartWith("'=HYPERLINK", Case.Sensitive, "a formula is neutralised in the sheet too");

        var csv = await finance.GetByteArrayAsync($"/api/assistance/batches/{batch.Batch.Id}/bank-file.csv");
        var text = System.Text.Encoding.UTF8.GetString(csv[3..]);
        text.Split('\n')[0].Trim().ShouldBe(string.Join(',', columns));
        text.ShouldContain(idNumber);
        text.ShouldContain("1000.00");
        text.ShouldNotContain(",=HYPERLINK");
        text.ShouldContain("'=HYPERLINK");

        // Both downloads are audited, with the full ID numbers they disclosed.
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.AuditEntries.CountAsync(a => a.Action == DisbursementAuditActions.BankFileExported && a.TargetId == batch.Batch.Id.ToString())).ShouldBe(2);
        (await fixture.Cadre("zz.assist").GetAsync($"/api/assistance/batches/{batch.Batch.Id}/bank-file.csv")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_officer_who_compiled_a_batch_cannot_confirm_it_and_the_page_names_who_must()
    {
        var (programId, _) = await ApprovedAsync(1);
        var finance = fixture.Cadre("zz.finance");
        var batch = (await Read<BatchView>(await finance.PostAsJsonAsync("/api/assistance/batches", new NewBatch(programId, fixture.World.Org("4101"), Guid.NewGuid()), TestJson.Options))).Batch;
        batch.CreatedBy.ShouldBe("zz.finance");

        var refused = await finance.PostAsJsonAsync($"/api/assistance/batches/{batch.Id}/confirm", new BatchDecision(batch.Version), TestJson.Options);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await refused.Content.ReadAsStringAsync()).ShouldContain("须由另一名财务人员确认");

        var compilerPage = await (await fixture.Factory.SignedInAsync(fixture.World.User("zz.finance"))).GetStringAsync($"/Assistance/Payments/Batch/{batch.Id}");
        compilerPage.ShouldNotContain("id=\"confirm-batch\"");
        compilerPage.ShouldContain("id=\"awaiting-confirmer\"");
        compilerPage.ShouldContain("须由另一名财务人员确认");
        var secondPage = await (await fixture.Factory.SignedInAsync(fixture.World.User("zz2.finance"))).GetStringAsync($"/Assistance/Payments/Batch/{batch.Id}");
        secondPage.ShouldContain("id=\"confirm-batch\"");

        await ConfirmedBySecondOfficerAsync(batch);
        var confirmed = (await finance.GetFromJsonAsync<BatchView>($"/api/assistance/batches/{batch.Id}", TestJson.Options))!.Batch;
        (confirmed.Status, confirmed.CreatedBy, confirmed.ConfirmedBy).ShouldBe((BatchStatus.Confirmed, "zz.finance", "zz2.finance"));
    }

    [Fact]
    public async Task A_sent_payment_is_not_paid_to_the_member_until_the_bank_reports_it_and_a_returned_one_says_what_happens_next()
    {
        var programId = await ProgramAsync();
        var (memberId, idNumber, name) = await RegisteredAsync();
        var applicationId = await FiledAndApprovedAsync(Aid(programId, null, null, null, null, null), memberId);
        var member = await MemberSignIn.AsMemberAsync(fixture.Factory, "139" + idNumber[^8..].Replace('X', '0'), name, idNumber);
        (await member.GetStringAsync("/m/Aid")).ShouldContain("待发放");

        var batch = await SentBatchAsync(programId);
        var sent = await member.GetStringAsync("/m/Aid");
        sent.ShouldContain("已发送银行，待到账");
        sent.ShouldNotContain("已到账<");

        var finance = fixture.Cadre("zz.finance");
        var paymentId = batch.Payments.Single().Id;
        await Read<ResultsImport>(await finance.PostAsJsonAsync($"/api/assistance/batches/{batch.Batch.Id}/results", new[] { new PaymentResult(paymentId, false, "账号有误") }, TestJson.Options));
        var returned = await member.GetStringAsync("/m/Aid");
        returned.ShouldContain("银行退回：账号有误");
        returned.ShouldContain("工会将核实后重新发放");
        returned.ShouldNotContain("已发送银行，待到账");
        (await (await fixture.Factory.SignedInAsync(fixture.World.User("zy.assist"))).GetStringAsync($"/Assistance/Applications/Detail/{applicationId}"))
            .ShouldContain("银行退回：账号有误");
        await ReconciledAsync(programId);

        // Retried and credited this time: now, and only now, the member reads it as paid.
        (await finance.PostAsync($"/api/assistance/payments/{paymentId}/retry", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var again = await SentBatchAsync(programId);
        await Read<ResultsImport>(await finance.PostAsJsonAsync($"/api/assistance/batches/{again.Batch.Id}/results", new[] { new PaymentResult(paymentId, true, null) }, TestJson.Options));
        var paid = await member.GetStringAsync("/m/Aid");
        paid.ShouldContain("已到账");
        paid.ShouldNotContain("银行退回");
        (await BudgetAsync(programId)).Paid.ShouldBe(1_000);
        await ReconciledAsync(programId);
    }
}