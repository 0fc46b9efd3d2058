using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Statistics;
using WorkersHome.Testing;

using static WorkersHome.Tests.Modules.Assistance.HardshipRulesTests;

namespace WorkersHome.Tests.Modules.Assistance;

public sealed class HardshipArchiveFixture : AppFixture;

/// <summary>The hardship archive through HTTP on PostgreSQL: filing, the 三清, approval up the tree, privacy, documents, review and leaving.</summary>
public sealed class HardshipArchiveTests(HardshipArchiveFixture fixture) : IClassFixture<HardshipArchiveFixture>
{
    private async Task<(Guid Id, string IdNumber)> NewMemberAsync(string name, int sequence)
    {
        var idNumber = ResidentIdNumber.Compose("410102", new DateOnly(1980, 1, 1).AddDays(sequence * 37), 300 + sequence, Gender.Female);
        await using var scope = fixture.Factory.WholeTreeScope(out _);
        var register = scope.ServiceProvider.GetRequiredService<WorkersHome.Modules.Members.Register.RegisterMember>();
        var member = await register.ExecuteAsync(TestWorld.Member(fixture.World.Org(TestWorld.ZhengzhouUnionCode), name, idNumber));
        return (member.Id, idNumber);
    }

    private Task<HttpClient> SignedInAsync(string name, string idNumber) =>
        MemberSignIn.AsMemberAsync(fixture.Factory, "139" + idNumber[^8..].Replace('X', '0'), name, idNumber);

    private static async Task Ok(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.NoContent) =>
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());

    private async Task<HardshipFileView> DetailAsync(string user, Guid id) =>
        (await fixture.Cadre(user).GetFromJsonAsync<HardshipFileView>($"/api/assistance/hardship/{id}", TestJson.Options))!;

    private async Task<List<string?>> NoticeTitlesAsync(HttpClient member)
    {
        await using (var scope = fixture.Factory.WholeTreeScope(out _))
        {
            await scope.ServiceProvider.GetRequiredService<WorkersHome.Platform.Outbox.OutboxProcessor>()
                .RunOnceAsync(new WorkersHome.Platform.Outbox.OutboxOptions { BatchSize = 500 }, "test", CancellationToken.None);
        }

        return (await member.GetFromJsonAsync<JsonElement>("/api/me/notices")).GetProperty("notices").EnumerateArray().Select(n => n.GetProperty("title").GetString()).ToList();
    }

    private async Task<long> HouseholdsAtAsync(string orgCode)
    {
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        return await db.Set<TreeCounter>().Where(c => c.OrgCode == orgCode && c.Metric == Metrics.HardshipHouseholds).SumAsync(c => c.Count);
    }

    private async Task<MemberGroups> GroupsOfAsync(Guid memberId)
    {
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        return await db.Members.Where(m => m.Id == memberId).Select(m => m.Groups).SingleAsync();
    }

    [Fact]
    public async Task A_member_applies_on_the_phone_the_union_checks_and_proposes_the_county_approves_and_the_household_leaves_later()
    {
        var (memberId, idNumber) = await NewMemberAsync("刘红梅", 1);
        var member = await SignedInAsync("刘红梅", idNumber);
        var bad = await member.PostAsJsonAsync("/api/me/hardship", Form(Row("本人", 45, 900m), Row("子女", 200, 0m)) with { PrimaryCause = HardshipCause.Disaster }, TestJson.Options);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadAsStringAsync();
        problem.ShouldContain("家庭成员第 2 行：年龄应在 0–120 之间");
        problem.ShouldContain("主要原因");

        var filed = await member.PostAsJsonAsync("/api/me/hardship", Form(Row("本人", 45, 1200m, HealthState.SeriousIllness, "刘红梅"), Row("子女", 15, 0m)), TestJson.Options);
        await Ok(filed, HttpStatusCode.OK);
        var file = (await filed.Content.ReadFromJsonAsync<HardshipFileView>(TestJson.Options))!;
        file.File.Status.ShouldBe(HardshipStatus.Submitted);
        file.History.Single().Outcome.ShouldBe("家庭月收入 1,200 元 ÷ 2 人 = 600.00 元，不高于困难标准 1,000 元");
        var id = file.File.Id;

        // Other cities, and cadres without the assistance permission, see nothing of it.
        (await fixture.Cadre("ly.assist").GetAsync($"/api/assistance/hardship/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fixture.Cadre("zz.officer").GetAsync("/api/assistance/hardship")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fixture.Cadre("ly.assist").GetFromJsonAsync<List<HardshipRow>>("/api/assistance/hardship", TestJson.Options))!.ShouldNotContain(r => r.Id == id);

        var grassroots = fixture.Cadre("jc.assist");
        var version = (await DetailAsync("jc.assist", id)).File.Version;
        var early = await grassroots.PostAsJsonAsync($"/api/assistance/hardship/{id}/propose", new FileDecision(version, null), TestJson.Options);
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadAsStringAsync()).ShouldContain("三清");
        await Ok(await grassroots.PostAsJsonAsync($"/api/assistance/hardship/{id}/checks", new ThreeChecks(version, true, true, true), TestJson.Options));
        await Ok(await grassroots.PostAsJsonAsync($"/api/assistance/hardship/{id}/propose", new FileDecision(version + 1, "情况属实"), TestJson.Options));
        (await grassroots.PostAsJsonAsync($"/api/assistance/hardship/{id}/propose", new FileDecision(version + 1, null), TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "proposed once");

        // The grassroots union cannot approve; the county union can.
        var denied = await grassroots.PostAsJsonAsync($"/api/assistance/hardship/{id}/approve", new FileDecision(version + 2, null), TestJson.Options);
        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await denied.Content.ReadAsStringAsync()).ShouldContain("县（区）总工会及以上审批");
        var grassrootsPage = await (await fixture.Factory.SignedInAsync(fixture.World.User("jc.assist"))).GetStringAsync($"/Assistance/File/{id}");
        grassrootsPage.ShouldNotContain("id=\"approve-submit\"", customMessage: "审批通过 is not offered to the grassroots union, which would be refused");
        grassrootsPage.ShouldNotContain("id=\"return-submit\"");
        grassrootsPage.ShouldContain("县（区）总工会及以上审批");
        var countyPage = await (await fixture.Factory.SignedInAsync(fixture.World.User("zy.assist"))).GetStringAsync($"/Assistance/File/{id}");
        countyPage.ShouldContain("id=\"approve-submit\"");
        countyPage.ShouldContain("id=\"return-submit\"");
        var before = await HouseholdsAtAsync("4101");
        await Ok(await fixture.Cadre("zy.assist").PostAsJsonAsync($"/api/assistance/hardship/{id}/approve", new FileDecision(version + 2, null), TestJson.Options));

        var approved = await DetailAsync("zy.assist", id);
        approved.File.Status.ShouldBe(HardshipStatus.Active);
        approved.File.ReviewDueOn.ShouldNotBeNull();
        approved.Details!.Household.Count.ShouldBe(2);
        approved.History.Select(h => h.Step).ShouldBe(["提交建档申请", "三清核实", "基层工会推荐", "审批通过，纳入档案"]);
        approved.History[1].Outcome.ShouldBe("三清：家庭状况已核实，致困原因已核实，帮扶需求已核实");
        (await GroupsOfAsync(memberId)).HasFlag(MemberGroups.Hardship).ShouldBeTrue("the archive marks the member for hardship-only offers");
        (await HouseholdsAtAsync("4101")).ShouldBe(before + 1);
        (await HouseholdsAtAsync("41")).ShouldBeGreaterThanOrEqualTo(1);
        var memberVersion = (await fixture.Cadre("zz.officer").GetFromJsonAsync<JsonElement>($"/api/members/{memberId}")).GetProperty("version").GetInt32();
        var byHand = await fixture.Cadre("zz.officer").PutAsJsonAsync($"/api/members/{memberId}/groups", new { Groups = "None", Version = memberVersion }, TestJson.Options);
        byHand.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await byHand.Content.ReadAsStringAsync()).ShouldContain("困难职工身份由困难职工档案");
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            (await db.AuditEntries.CountAsync(a => a.Action == HardshipAuditActions.DetailsViewed && a.TargetId == id.ToString())).ShouldBeGreaterThanOrEqualTo(1);
            var stored = await db.HardshipFiles.SingleAsync(f => f.Id == id);
            stored.DetailsCipher.ShouldNotContain("刘红梅");
            stored.DetailsCipher.ShouldNotContain("1200");
        }

        (await NoticeTitlesAsync(member)).ShouldContain("困难职工档案已建立");

        // A union administrator sees the file but not the household's health and income.
        var adminView = await DetailAsync("zz.admin", id);
        adminView.Details.ShouldBeNull();
        adminView.IncomeOutcome.ShouldBeNull();

        // Leaving the archive needs a reason, and takes the member out of the hardship group.
        var exitVersion = approved.File.Version;
        (await fixture.Cadre("zy.assist").PostAsJsonAsync($"/api/assistance/hardship/{id}/exit", new FileDecision(exitVersion, " "), TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await Ok(await fixture.Cadre("zy.assist").PostAsJsonAsync($"/api/assistance/hardship/{id}/exit", new FileDecision(exitVersion, "子女就业，家庭收入提高"), TestJson.Options));
        (await GroupsOfAsync(memberId)).HasFlag(MemberGroups.Hardship).ShouldBeFalse();
        (await HouseholdsAtAsync("4101")).ShouldBe(before);
        var mine = await member.GetFromJsonAsync<List<HardshipFileView>>("/api/me/hardship", TestJson.Options);
        mine!.Single().File.Status.ShouldBe(HardshipStatus.Exited);
    }

    [Fact]
    public async Task A_returned_file_comes_back_with_reasons_and_the_proposer_cannot_approve_it()
    {
        var (memberId, idNumber) = await NewMemberAsync("陈玉兰", 2);
        var county = fixture.Cadre("zy.assist");
        var created = await county.PostAsJsonAsync($"/api/assistance/hardship?memberId={memberId}", Form(Row("本人", 50, 2600m)), TestJson.Options);
        await Ok(created, HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<HardshipFileView>(TestJson.Options))!.File.Id;

        await Ok(await county.PostAsJsonAsync($"/api/assistance/hardship/{id}/return", new FileDecision(1, "请补充诊断证明"), TestJson.Options));
        var member = await SignedInAsync("陈玉兰", idNumber);
        var returned = (await member.GetFromJsonAsync<List<HardshipFileView>>("/api/me/hardship", TestJson.Options))!.Single();
        returned.File.Status.ShouldBe(HardshipStatus.Returned);
        returned.LastReason.ShouldBe("请补充诊断证明");
        await Ok(await member.PostAsJsonAsync("/api/me/hardship", Form(Row("本人", 50, 2600m, HealthState.ChronicIllness)), TestJson.Options), HttpStatusCode.OK);

        var version = (await DetailAsync("zy.assist", id)).File.Version;
        await Ok(await county.PostAsJsonAsync($"/api/assistance/hardship/{id}/checks", new ThreeChecks(version, true, true, true), TestJson.Options));
        await Ok(await county.PostAsJsonAsync($"/api/assistance/hardship/{id}/propose", new FileDecision(version + 1, null), TestJson.Options));
        var own = await county.PostAsJsonAsync($"/api/assistance/hardship/{id}/approve", new FileDecision(version + 2, "同意"), TestJson.Options);
        own.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await own.Content.ReadAsStringAsync()).ShouldContain("推荐人不能审批");

        // 2,600 yuan for one person is above the line: another approver must say why.
        var other = fixture.Cadre("zy2.assist");
        var noReason = await other.PostAsJsonAsync($"/api/assistance/hardship/{id}/approve", new FileDecision(version + 2, null), TestJson.Options);
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("高于困难标准");
        await Ok(await other.PostAsJsonAsync($"/api/assistance/hardship/{id}/approve", new FileDecision(version + 2, "长期慢性病，医疗支出大"), TestJson.Options));
        (await DetailAsync("zy.assist", id)).History.Last().Outcome.ShouldContain("高于困难标准 1,000 元");
        (await GroupsOfAsync(memberId)).HasFlag(MemberGroups.Hardship).ShouldBeTrue();
    }

    [Fact]
    public async Task Two_submissions_at_once_open_one_file()
    {
        var (memberId, _) = await NewMemberAsync("赵桂芝", 3);
        var form = Form(Row("本人", 60, 500m));
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => fixture.Cadre("zy.assist").PostAsJsonAsync($"/api/assistance/hardship?memberId={memberId}", form, TestJson.Options)));
        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(3);
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.HardshipFiles.CountAsync(f => f.MemberId == memberId)).ShouldBe(1);
    }

    [Fact]
    public async Task Documents_are_type_checked_stored_encrypted_and_their_viewing_audited()
    {
        var (memberId, idNumber) = await NewMemberAsync("孙秀珍", 4);
        var member = await SignedInAsync("孙秀珍", idNumber);
        (await member.PostAsync("/api/me/hardship/attachments?fileName=a.png", new ByteArrayContent([0x89, 0x50]))).StatusCode.ShouldBe(HttpStatusCode.Conflict, "no file yet");
        await Ok(await member.PostAsJsonAsync("/api/me/hardship", Form(Row("本人", 40, 800m)), TestJson.Options), HttpStatusCode.OK);

        var exe = await member.PostAsync("/api/me/hardship/attachments?fileName=证明.pdf", new ByteArrayContent([0x4D, 0x5A, 0x90, 0, 1, 2]));
        exe.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await exe.Content.ReadAsStringAsync()).ShouldContain("只接受 JPG、PNG 图片或不含脚本的 PDF 文件");
        var script = System.Text.Encoding.Latin1.GetBytes("%PDF-1.7\n<< /OpenAction << /S /JavaScript /JS (x) >> >>");
        (await member.PostAsync("/api/me/hardship/attachments?fileName=a.pdf", new ByteArrayContent(script))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var big = new byte[5 * 1024 * 1024 + 1];
        big[0] = 0xFF;
        big[1] = 0xD8;
        big[2] = 0xFF;
        var tooBig = await member.PostAsync("/api/me/hardship/attachments?fileName=big.jpg", new ByteArrayContent(big));
        tooBig.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooBig.Content.ReadAsStringAsync()).ShouldContain("文件不能超过 5 MB");

        var pdf = SampleDocuments.Pdf("DIAGNOSIS-MARKER-7731");
        System.Text.Encoding.Latin1.GetString(pdf).ShouldContain("DIAGNOSIS-MARKER-7731");
        var added = await member.PostAsync("/api/me/hardship/attachments?fileName=..%2F诊断证明.pdf", new ByteArrayContent(pdf));
        await Ok(added, HttpStatusCode.OK);
        var attachment = (await added.Content.ReadFromJsonAsync<AttachmentView>(TestJson.Options))!;
        attachment.FileName.ShouldBe("诊断证明.pdf");
        attachment.ContentType.ShouldBe("application/pdf");
        var stored = Directory.GetFiles(AppFactory.FilesFolder(fixture.Database.ConnectionString), "hardship-" + attachment.Id.ToString("N"));
        stored.Length.ShouldBe(1);
        System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(stored[0])).ShouldNotContain("DIAGNOSIS-MARKER-7731");

        Guid fileId;
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            fileId = await db.HardshipFiles.Where(f => f.MemberId == memberId).Select(f => f.Id).SingleAsync();
        }

        (await member.GetByteArrayAsync($"/api/me/hardship/attachments/{attachment.Id}")).ShouldBe(pdf);
        (await fixture.Cadre("zz.admin").GetAsync($"/api/assistance/hardship/{fileId}/attachments/{attachment.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fixture.Cadre("ly.assist").GetAsync($"/api/assistance/hardship/{fileId}/attachments/{attachment.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fixture.Cadre("zy.assist").GetByteArrayAsync($"/api/assistance/hardship/{fileId}/attachments/{attachment.Id}")).ShouldBe(pdf);
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            (await db.AuditEntries.CountAsync(a => a.Action == HardshipAuditActions.AttachmentViewed && a.TargetId == fileId.ToString())).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Reviews_falling_due_are_listed_and_reminded_once_and_the_ledger_masks_what_the_reader_may_not_see()
    {
        var (memberId, idNumber) = await NewMemberAsync("周淑珍", 5);
        var member = await SignedInAsync("周淑珍", idNumber);
        var county = fixture.Cadre("zy.assist");
        var created = await county.PostAsJsonAsync($"/api/assistance/hardship?memberId={memberId}", Form(Row("本人", 55, 700m, HealthState.Disabled)), TestJson.Options);
        await Ok(created, HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<HardshipFileView>(TestJson.Options))!.File.Id;
        await Ok(await fixture.Cadre("jc.assist").PostAsJsonAsync($"/api/assistance/hardship/{id}/checks", new ThreeChecks(1, true, true, true), TestJson.Options));
        await Ok(await fixture.Cadre("jc.assist").PostAsJsonAsync($"/api/assistance/hardship/{id}/propose", new FileDecision(2, null), TestJson.Options));
        await Ok(await county.PostAsJsonAsync($"/api/assistance/hardship/{id}/approve", new FileDecision(3, null), TestJson.Options));
        (await county.GetFromJsonAsync<List<HardshipRow>>("/api/assistance/hardship?due=true", TestJson.Options))!.ShouldNotContain(r => r.Id == id);

        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            var today = WorkersHome.Platform.Localization.ChinaTime.DayOf(DateTimeOffset.UtcNow);
            await db.HardshipFiles.Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.ReviewDueOn, today.AddDays(10)));
            var reminder = scope.ServiceProvider.GetRequiredService<ReviewReminder>();
            (await reminder.RunOnceAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(1);
            (await reminder.RunOnceAsync(CancellationToken.None)).ShouldBe(0, "once per due date");
        }

        (await NoticeTitlesAsync(member)).ShouldContain("困难职工档案年度复核提醒");

        var due = (await county.GetFromJsonAsync<List<HardshipRow>>("/api/assistance/hardship?due=true", TestJson.Options))!.Single(r => r.Id == id);
        due.ReviewDue.ShouldBeTrue();
        await Ok(await county.PostAsJsonAsync($"/api/assistance/hardship/{id}/reverify", new ReviewDecision(due.Version, "入户走访，情况未变", null), TestJson.Options));
        (await county.GetFromJsonAsync<List<HardshipRow>>("/api/assistance/hardship?due=true", TestJson.Options))!.ShouldNotContain(r => r.Id == id);

        var full = await LedgerAsync(county);
        full.ShouldContain(r => r.Contains("周淑珍") && r.Contains("700"));
        var masked = await LedgerAsync(fixture.Cadre("zz.admin"));
        masked.Single(r => r.Contains("周淑珍")).ShouldContain("***");
        masked.Single(r => r.Contains("周淑珍")).ShouldNotContain("700");
        (await LedgerAsync(fixture.Cadre("ly.assist"))).ShouldNotContain(r => r.Contains("周淑珍"));
    }

    private static async Task<List<string>> LedgerAsync(HttpClient client)
    {
        var bytes = await client.GetByteArrayAsync("/api/assistance/hardship/ledger.xlsx");
        using var stream = new MemoryStream(bytes);
        return MiniExcelLibs.MiniExcel.Query(stream).Select(r => string.Join("|", ((IDictionary<string, object?>)r).Values.Select(v => v?.ToString()))).ToList();
    }
}