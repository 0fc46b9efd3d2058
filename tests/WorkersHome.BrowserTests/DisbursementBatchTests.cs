using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

using WorkersHome.BrowserTests.Infrastructure;
using WorkersHome.Modules.Assistance.Applications;
using WorkersHome.Modules.Assistance.Programs;

namespace WorkersHome.BrowserTests;

/// <summary>
/// Finance pays out approved relief: one officer makes a batch, a second confirms it (dual control), it is sent, the bank
/// file taken, the bank's results imported and a returned payment retried.
/// </summary>
public sealed class DisbursementBatchTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private HttpClient Api(string user)
    {
        var client = new HttpClient { BaseAddress = app.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new("Bearer", app.World.User(user).ApiToken);
        return client;
    }

    [Fact]
    public async Task Finance_makes_confirms_and_sends_a_batch_then_imports_the_bank_s_results()
    {
        using var city = Api("zz.assist");
        var created = await city.PostAsJsonAsync("/api/assistance/programs",
            new NewProgram("元旦春节送温暖（测试）", ProgramType.LivingRelief, app.World.Org("4101"), DateTime.UtcNow.Year, null, null, new ProgramRules { FixedAmount = 800 }));
        created.EnsureSuccessStatusCode();
        var programId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("program").GetProperty("id").GetInt64();
        (await city.PutAsJsonAsync($"/api/assistance/programs/{programId}/budgets", new BudgetAllocation(app.World.Org("4101"), 50_000, Guid.NewGuid()))).EnsureSuccessStatusCode();
        using var county = Api("zy.assist");
        var filed = await county.PostAsJsonAsync($"/api/assistance/applications?memberId={app.World.ZhengzhouMember}",
            new ApplicationForm(programId, null, null, "春节慰问", null, null, "中国农业银行郑州中原支行", "6228480000012345678"));
        filed.EnsureSuccessStatusCode();
        var applicationId = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var grassroots = Api("jc.assist");
        (await grassroots.PostAsJsonAsync($"/api/assistance/applications/{applicationId}/approve", new ApplicationDecision(1, null))).EnsureSuccessStatusCode();

        await using var finance = await app.SignedInContextAsync(app.World.User("zz.finance"));
        var page = await finance.NewPageAsync();
        await page.GotoAsync("/Workbench");
        await page.Locator("a.nav-link[href='/Assistance/Payments']").ClickAsync();
        var pending = page.Locator($"#pending tr[data-program='{programId}']");
        await Expect(pending).ToContainTextAsync("800");
        await pending.Locator("button").ClickAsync();
        await Expect(page.Locator("#batch-status")).ToHaveTextAsync("待财务确认");
        await Expect(page.Locator("#batch-payments")).ToContainTextAsync("****5678");
        // The compiler sees who must act instead of the button; a second finance officer confirms.
        await Expect(page.Locator("#awaiting-confirmer")).ToContainTextAsync("须由另一名财务人员确认");
        await Expect(page.Locator("#confirm-batch")).ToHaveCountAsync(0);
        await ConfirmAsSecondOfficerAsync(page.Url);
        await page.ReloadAsync();
        await page.Locator("#send-batch").ClickAsync();
        await Expect(page.Locator("#batch-status")).ToHaveTextAsync("已发送银行，待银行结果");
        await Expect(page.Locator("#batch-payments")).ToContainTextAsync("已发送银行");
        await Screens.CaptureAsync(page, "disbursement-sent");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#bank-file").ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".xlsx");
        (await page.RunAndWaitForDownloadAsync(() => page.Locator("#bank-file-csv").ClickAsync())).SuggestedFilename.ShouldEndWith(".csv");

        var paymentId = await page.Locator("#batch-payments tbody tr").First.GetAttributeAsync("data-id");
        var results = Path.Combine(Path.GetTempPath(), $"bank-results-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(results, $"付款编号,结果,原因\n{paymentId},失败,账户已冻结\n", new UTF8Encoding(false));
        try
        {
            await page.Locator("#results-form input[type=file]").SetInputFilesAsync(results);
            await page.Locator("#results-submit").ClickAsync();
        }
        finally
        {
            File.Delete(results);
        }

        await Expect(page.Locator("[role=status]")).ToContainTextAsync("1 笔被退回");
        await Expect(page.Locator("#batch-status")).ToHaveTextAsync("银行结果已导入");
        await Expect(page.Locator("#batch-payments")).ToContainTextAsync("账户已冻结");
        await page.GotoAsync("/Assistance/Payments");
        await page.Locator($"#failed tr[data-id='{paymentId}'] button", new() { HasText = "重新支付" }).ClickAsync();
        await Expect(page.Locator($"#pending tr[data-program='{programId}']")).ToContainTextAsync("800");

        // Sent again and reported paid, the money comes back from the bank a week later: finance reverses it (冲正).
        await page.Locator($"#pending tr[data-program='{programId}'] button").ClickAsync();
        await Expect(page.Locator("#awaiting-confirmer")).ToBeVisibleAsync();
        await ConfirmAsSecondOfficerAsync(page.Url);
        await page.ReloadAsync();
        await page.Locator("#send-batch").ClickAsync();
        await Expect(page.Locator("#batch-status")).ToHaveTextAsync("已发送银行，待银行结果");
        await page.Locator($"#reverse-{paymentId}").ClickAsync();
        await page.Locator($"#batch-payments tr[data-id='{paymentId}'] input[name=Reason]").FillAsync("银行退汇：账户状态异常");
        await page.Locator($"#batch-payments tr[data-id='{paymentId}'] button", new() { HasText = "确认冲正" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("已冲正");
        await Expect(page.Locator($"#batch-payments tr[data-id='{paymentId}']")).ToContainTextAsync("已冲正");
        await Screens.CaptureAsync(page, "disbursement-reversed");
        await page.GotoAsync("/Assistance/Payments");
        await Expect(page.Locator($"#failed tr[data-id='{paymentId}']")).ToContainTextAsync("银行退汇：账户状态异常");
    }

    private async Task ConfirmAsSecondOfficerAsync(string batchUrl)
    {
        await using var second = await app.SignedInContextAsync(app.World.User("zz2.finance"));
        var page = await second.NewPageAsync();
        await page.GotoAsync(batchUrl);
        await page.Locator("#confirm-batch").ClickAsync();
        await Expect(page.Locator("#batch-status")).ToHaveTextAsync("已确认，待发送");
    }
}