using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Applications;
using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Members;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Assistance;

public sealed class AssistanceProgramFixture : AppFixture;

/// <summary>Programs, budgets down the tree, applications judged by their rules version, approval by amount with separation of duties, budget reservation under concurrency.</summary>
public sealed class AssistanceProgramTests(AssistanceProgramFixture fixture) : IClassFixture<AssistanceProgramFixture>
{
    private static int _sequence;

    public static ApplicationForm Aid(long programId, SchoolLevel? level, decimal? cost, string? description, IReadOnlyList<DeclaredPerson>? household, Guid? key) =>
        new(programId, level, cost, description, household, key, "中国工商银行郑州分行", "6222 0202 0000 1234 567");

    private static async Task Ok(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.NoContent) =>
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());

    private static async Task<string> Refused(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return body;
    }

    /// <summary>A member of Zhengzhou's test union (under 中原区), optionally in the hardship archive with the given causes.</summary>
    private async Task<(Guid Id, string IdNumber, string Name)> MemberAsync(HardshipCause? archive = null, string? idNumber = null)
    {
        var n = Interlocked.Increment(ref _sequence);
        var name = "帮扶" + "甲乙丙丁戊己庚辛壬癸"[n % 10] + "子丑寅卯辰巳午未申酉"[n / 10 % 10];
        idNumber ??= ResidentIdNumber.Compose("410102", new DateOnly(1978, 1, 1).AddDays(n * 41), 100 + n, Gender.Female);
        Guid memberId;
        await using (var scope = fixture.Factory.WholeTreeScope(out _))
        {
            var register = scope.ServiceProvider.GetRequiredService<WorkersHome.Modules.Members.Register.RegisterMember>();
            memberId = (await register.ExecuteAsync(TestWorld.Member(fixture.World.Org(TestWorld.ZhengzhouUnionCode), name, idNumber))).Id;
        }

        if (archive is { } causes)
        {
            await HardshipSeeding.PutInArchiveAsync(fixture.Factory, memberId, causes);
        }

        return (memberId, idNumber, name);
    }

    private async Task<ProgramView> ProgramAsync(ProgramType type, ProgramRules? rules = null, string owner = "4101", string by = "zz.assist")
    {
        var created = await fixture.Cadre(by).PostAsJsonAsync("/api/assistance/programs",
            new NewProgram($"{DateTime.UtcNow.Year}年{ProgramNames.Type(type).Zh}{Interlocked.Increment(ref _sequence)}", type, fixture.World.Org(owner), DateTime.UtcNow.Year, null, null, rules), TestJson.Options);
        await Ok(created, HttpStatusCode.Created);
        return (await created.Content.ReadFromJsonAsync<ProgramView>(TestJson.Options))!;
    }

    private Task<HttpResponseMessage> AllocateAsync(string by, long programId, string org, decimal amount, Guid? key = null) =>
        fixture.Cadre(by).PutAsJsonAsync($"/api/assistance/programs/{programId}/budgets", new BudgetAllocation(fixture.World.Org(org), amount, key ?? Guid.NewGuid()), TestJson.Options);

    private async Task<ApplicationView> DetailAsync(string user, Guid id) =>
        (await fixture.Cadre(user).GetFromJsonAsync<ApplicationView>($"/api/assistance/applications/{id}", TestJson.Options))!;

    private async Task<BudgetView> BudgetAsync(long programId, string org)
    {
        var view = await fixture.Cadre("zz.assist").GetFromJsonAsync<ProgramView>($"/api/assistance/programs/{programId}", TestJson.Options);
        return view!.Budgets.Single(b => b.OrgId == fixture.World.Org(org));
    }

    private Task<HttpResponseMessage> DecideAsync(string user, Guid id, int version, string verb = "approve", string? reason = null) =>
        fixture.Cadre(user).PostAsJsonAsync($"/api/assistance/applications/{id}/{verb}", new ApplicationDecision(version, reason), TestJson.Options);

    private async Task<Guid> FileAsync(string user, Guid memberId, ApplicationForm form)
    {
        var filed = await fixture.Cadre(user).PostAsJsonAsync($"/api/assistance/applications?memberId={memberId}", form, TestJson.Options);
        await Ok(filed, HttpStatusCode.OK);
        return (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The unions offered in the program page's budget form (分配给) to this cadre.</summary>
    private async Task<List<long>> AllocationTargetsAsync(string user, long programId)
    {
        var page = await (await fixture.Factory.SignedInAsync(fixture.World.User(user))).GetStringAsync($"/Assistance/Programs/Detail/{programId}");
        var select = System.Text.RegularExpressions.Regex.Match(page, "<select[^>]*id=\"AllocateOrgId\"[^>]*>(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        return System.Text.RegularExpressions.Regex.Matches(select, "<option value=\"([0-9]+)\"").Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    private async Task<List<ReconciliationRow>> ReconcileAsync(long programId) =>
        (await fixture.Cadre("zz.assist").GetFromJsonAsync<List<ReconciliationRow>>($"/api/assistance/programs/{programId}/reconciliation", TestJson.Options))!;

    [Fact]
    public async Task Budgets_pass_down_the_tree_never_beyond_what_is_left_and_a_repeated_request_books_once()
    {
        var program = await ProgramAsync(ProgramType.LivingRelief);
        (await Refused(await AllocateAsync("zy.assist", program.Program.Id, "410102", 50_000), HttpStatusCode.Forbidden)).ShouldContain("该预算由");
        await Ok(await AllocateAsync("zz.assist", program.Program.Id, "4101", 50_000), HttpStatusCode.OK);

        var key = Guid.NewGuid();
        var twice = await Task.WhenAll(AllocateAsync("zz.assist", program.Program.Id, "410102", 30_000, key), AllocateAsync("zz.assist", program.Program.Id, "410102", 30_000, key));
        foreach (var response in twice)
        {
            await Ok(response, HttpStatusCode.OK);
        }

        (await BudgetAsync(program.Program.Id, "410102")).Amount.ShouldBe(30_000);
        (await BudgetAsync(program.Program.Id, "4101")).AllocatedOut.ShouldBe(30_000);
        (await Refused(await AllocateAsync("zz.assist", program.Program.Id, "410102", 60_000), HttpStatusCode.Conflict)).ShouldContain("可分配的预算不足");
        // The page offers the county only the unions whose budget it decides: its townships, not its own share (the city's).
        var countyTargets = await AllocationTargetsAsync("zy.assist", program.Program.Id);
        countyTargets.ShouldNotContain(fixture.World.Org("410102"));
        countyTargets.ShouldContain(fixture.World.Org("410102001"));
        (await AllocationTargetsAsync("zz.assist", program.Program.Id)).ShouldContain(fixture.World.Org("410102"));
        // The county passes part of its share on; the city can no longer take back what the county has passed on.
        await Ok(await AllocateAsync("zy.assist", program.Program.Id, "410102001", 25_000), HttpStatusCode.OK);
        (await Refused(await AllocateAsync("zz.assist", program.Program.Id, "410102", 10_000), HttpStatusCode.Conflict)).ShouldContain("不能减少");
        await Ok(await AllocateAsync("zz.assist", program.Program.Id, "410102", 26_000), HttpStatusCode.OK);
        (await BudgetAsync(program.Program.Id, "4101")).Available.ShouldBe(24_000);
        (await ReconcileAsync(program.Program.Id)).ShouldAllBe(r => r.Matches);

        // Another city sees neither the program nor its budgets.
        (await fixture.Cadre("ly.assist").GetAsync($"/api/assistance/programs/{program.Program.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Student_aid_is_judged_by_school_level_under_the_rules_in_force_when_filed_and_approved_by_the_county()
    {
        var program = await ProgramAsync(ProgramType.StudentAid);
        await Ok(await AllocateAsync("zz.assist", program.Program.Id, "4101", 100_000), HttpStatusCode.OK);
        await Ok(await AllocateAsync("zz.assist", program.Program.Id, "410102", 40_000), HttpStatusCode.OK);

        var outsider = await MemberAsync();
        var student = ResidentIdNumber.Compose("410102", new DateOnly(2007, 9, 1), 7, Gender.Male);
        (await Refused(await fixture.Cadre("jc.assist").PostAsJsonAsync($"/api/assistance/applications?memberId={outsider.Id}",
            Aid(program.Program.Id, SchoolLevel.Undergraduate, null, null, [new("李小明", "子女", student)], null), TestJson.Options), HttpStatusCode.Conflict))
            .ShouldContain("不符合条件：须为在档困难职工家庭");

        var (memberId, idNumber, name) = await MemberAsync(HardshipCause.Illness);
        var phone = await MemberSignIn.AsMemberAsync(fixture.Factory, "139" + idNumber[^8..].Replace('X', '0'), name, idNumber);
        var open = (await phone.GetFromJsonAsync<List<OpenProgram>>("/api/me/aid/programs", TestJson.Options))!;
        open.ShouldContain(p => p.Id == program.Program.Id && p.NeedsSchoolLevel);
        var missing = await Refused(await phone.PostAsJsonAsync("/api/me/aid/applications", Aid(program.Program.Id, null, null, null,
            [new("李小明", "子女", student[..17] + (student[17] == '0' ? '1' : '0'))], null), TestJson.Options), HttpStatusCode.BadRequest);
        missing.ShouldContain("请选择就读学段");
        missing.ShouldContain("家庭成员第 1 行：居民身份证号码校验位不正确");

        var form = Aid(program.Program.Id, SchoolLevel.Undergraduate, null, "孩子考上郑州大学", [new("李小明", "子女", student)], Guid.NewGuid());
        var sent = await Task.WhenAll(phone.PostAsJsonAsync("/api/me/aid/applications", form, TestJson.Options), phone.PostAsJsonAsync("/api/me/aid/applications", form, TestJson.Options));
        var views = new List<ApplicationView>();
        foreach (var response in sent)
        {
            await Ok(response, HttpStatusCode.OK);
            views.Add((await response.Content.ReadFromJsonAsync<ApplicationView>(TestJson.Options))!);
        }

        views.Select(v => v.Application.Id).Distinct().Count().ShouldBe(1, "the same form sent twice files once");
        var application = views[0];
        application.Application.Amount.ShouldBe(5_000);
        application.Application.Explanation.ShouldBe("本科资助标准 5,000 元");
        application.RuleVersion.ShouldBe(1);
        (await Refused(await phone.PostAsJsonAsync("/api/me/aid/applications", form with { SubmissionKey = Guid.NewGuid() }, TestJson.Options), HttpStatusCode.Conflict))
            .ShouldContain("该学生已申请过本项目");

        // The owning union raises the undergraduate tier: later applications get the new amount, this one keeps its version.
        var rules = program.Rules with { SchoolTiers = [.. program.Rules.SchoolTiers.Where(t => t.Level != SchoolLevel.Undergraduate), new(SchoolLevel.Undergraduate, 6_000)] };
        (await fixture.Cadre("zy.assist").PutAsJsonAsync($"/api/assistance/programs/{program.Program.Id}/rules", new RulesChange(program.Version, rules, "提高本科标准"), TestJson.Options))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden, "only the owning union edits the rules");
        await Ok(await fixture.Cadre("zz.assist").PutAsJsonAsync($"/api/assistance/programs/{program.Program.Id}/rules", new RulesChange(program.Version, rules, "提高本科标准"), TestJson.Options),
            HttpStatusCode.OK);
        var second = await MemberAsync(HardshipCause.Education);
        var later = await FileAsync("jc.assist", second.Id, Aid(program.Program.Id, SchoolLevel.Undergraduate, null, null,
            [new("王小红", "子女", ResidentIdNumber.Compose("410102", new DateOnly(2006, 5, 1), 9, Gender.Female))], null));
        var laterView = await DetailAsync("zy.assist", later);
        (laterView.Application.Amount, laterView.RuleVersion).ShouldBe((6_000m, 2));
        (await DetailAsync("zy.assist", application.Application.Id)).Application.Amount.ShouldBe(5_000);

        // 5,000 yuan is above the grassroots limit: the grassroots union cannot approve, the county can.
        var id = application.Application.Id;
        (await Refused(await DecideAsync("jc.assist", id, 1), HttpStatusCode.Forbidden)).ShouldContain("县（区）总工会及以上审批");
        (await fixture.Cadre("ly.assist").GetAsync($"/api/assistance/applications/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The page offers the decision only to whom the desk would not refuse, and tells the others who decides.
        var grassrootsPage = await (await fixture.Factory.SignedInAsync(fixture.World.User("jc.assist"))).GetStringAsync($"/Assistance/Applications/Detail/{id}");
        grassrootsPage.ShouldNotContain("id=\"approve\"");
        grassrootsPage.ShouldNotContain("id=\"reject\"");
        grassrootsPage.ShouldContain("县（区）总工会及以上审批");
        var countyPage = await (await fixture.Factory.SignedInAsync(fixture.World.User("zy.assist"))).GetStringAsync($"/Assistance/Applications/Detail/{id}");
        countyPage.ShouldContain("id=\"approve\"");
        countyPage.ShouldContain("id=\"reject\"");
        await Ok(await DecideAsync("zy.assist", id, 1, reason: "材料齐全"));
        var approved = await DetailAsync("zy.assist", id);
        approved.Application.Status.ShouldBe(ApplicationStatus.Approved);
        approved.History.Select(h => h.Step).ShouldBe(["提交申请", "审批同意"]);
        approved.History[1].Outcome.ShouldContain("批准 5,000 元");
        approved.Household.Single().IdNumber.ShouldBe(student[..6] + "********" + student[^4..], "even the assistance officer sees it masked, like every ID number on screen");
        (await DetailAsync("zz.assist", id)).DetailsShown.ShouldBeTrue();
        var page = await (await fixture.Factory.SignedInAsync(fixture.World.User("zy.assist"))).GetStringAsync($"/Assistance/Applications/Detail/{id}");
        page.ShouldNotContain(student);
        page.ShouldContain(student[..6] + "********" + student[^4..]);
        (await BudgetAsync(program.Program.Id, "410102")).Reserved.ShouldBe(5_000);
        (await ReconcileAsync(program.Program.Id)).ShouldAllBe(r => r.Matches);

        // An administrator sees the application but not the household's numbers; the view of details is audited.
        var masked = (await fixture.Cadre("zz.admin").GetFromJsonAsync<ApplicationView>($"/api/assistance/applications/{id}", TestJson.Options))!;
        masked.DetailsShown.ShouldBeFalse();
        masked.Household.Single().IdNumber.ShouldNotBe(student);
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            (await db.AuditEntries.CountAsync(e => e.Action == ApplicationAuditActions.DetailsViewed && e.TargetId == id.ToString())).ShouldBeGreaterThanOrEqualTo(2);
        }

        var mine = (await phone.GetFromJsonAsync<List<ApplicationView>>("/api/me/aid/applications", TestJson.Options))!;
        mine.Single().Application.Status.ShouldBe(ApplicationStatus.Approved);
    }

    [Fact]
    public async Task Large_claims_need_two_different_approvers_and_nobody_decides_their_own_or_their_household_s()
    {
        var rules = ProgramRules.DefaultsFor(ProgramType.MedicalMutualAid) with { Deductible = 0, TwoApproversAbove = 5_000, RequireEnrollment = false, OnTheSpotUpTo = 0 };
        var program = await ProgramAsync(ProgramType.MedicalMutualAid, rules);
        await Ok(await AllocateAsync("zz.assist", program.Program.Id, "4101", 200_000), HttpStatusCode.OK);

        var patient = await MemberAsync();
        var id = await FileAsync("jc.assist", patient.Id, Aid(program.Program.Id, null, 12_340m, "住院治疗", null, null));
        var view = await DetailAsync("zy.assist", id);
        view.Application.Explanation.ShouldBe("住院自付 12,340 元 × 70% = 8,638 元，低于上限 50,000 元");
        view.Application.Approval.ShouldBe("须由县（区）总工会及以上两名不同审批人审批");

        await Ok(await DecideAsync("zy.assist", id, 1));
        (await DetailAsync("zy.assist", id)).Application.Status.ShouldBe(ApplicationStatus.FirstApproved);
        (await Refused(await DecideAsync("zy.assist", id, 2), HttpStatusCode.Conflict)).ShouldContain("另一位审批人");
        await Ok(await DecideAsync("zy2.assist", id, 2));
        (await DetailAsync("zy.assist", id)).Application.Status.ShouldBe(ApplicationStatus.Approved);

        // The clerk who filed it, the applicant, and a declared household member must all step aside.
        var own = await MemberAsync(idNumber: TestWorld.CadreIdNumber("zy2.assist"));
        var ownClaim = await FileAsync("jc.assist", own.Id, Aid(program.Program.Id, null, 3_000m, null, null, null));
        (await Refused(await DecideAsync("zy2.assist", ownClaim, 1), HttpStatusCode.Conflict)).ShouldContain("须回避");
        var relative = await MemberAsync();
        var spouseClaim = await FileAsync("jc.assist", relative.Id, Aid(program.Program.Id, null, 3_000m, null,
            [new("测试配偶", "配偶", TestWorld.CadreIdNumber("zy.assist"))], null));
        (await Refused(await DecideAsync("zy.assist", spouseClaim, 1), HttpStatusCode.Conflict)).ShouldContain("须回避");
        var filedByCounty = await FileAsync("zy.assist", relative.Id, Aid(program.Program.Id, null, 2_000m, null, null, null));
        (await Refused(await DecideAsync("zy.assist", filedByCounty, 1), HttpStatusCode.Conflict)).ShouldContain("经办人不能审批");
        // Small claims (≤ 3,000 yuan) are the grassroots union's to decide; a rejection needs a reason and reaches the member.
        (await Refused(await DecideAsync("jc.assist", filedByCounty, 1, "reject"), HttpStatusCode.BadRequest)).ShouldContain("不予批准的原因");
        await Ok(await DecideAsync("jc.assist", filedByCounty, 1, "reject", "重复报销"));
        (await DetailAsync("zy.assist", filedByCounty)).Application.Status.ShouldBe(ApplicationStatus.Rejected);
    }

    [Fact]
    public async Task Concurrent_approvals_at_the_budget_edge_never_overdraw_it()
    {
        var program = await ProgramAsync(ProgramType.LivingRelief, new ProgramRules { OncePerPerson = true, FixedAmount = 3_000 });
        await Ok(await AllocateAsync("zz.assist", program.Program.Id, "4101", 10_000), HttpStatusCode.OK);
        var applications = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            applications.Add(await FileAsync("zy.assist", (await MemberAsync()).Id, Aid(program.Program.Id, null, null, null, null, null)));
        }

        var approvers = new[] { "jc.assist", "zy2.assist", "zz.assist" };
        var results = await Task.WhenAll(applications.Select((id, i) => DecideAsync(approvers[i % 3], id, 1)));
        results.Count(r => r.StatusCode == HttpStatusCode.NoContent).ShouldBe(3);
        var refused = results.Where(r => r.StatusCode != HttpStatusCode.NoContent).ToList();
        refused.Count.ShouldBe(3);
        foreach (var response in refused)
        {
            (await Refused(response, HttpStatusCode.Conflict)).ShouldContain("超出年度预算");
        }

        var budget = await BudgetAsync(program.Program.Id, "4101");
        (budget.Reserved, budget.Available).ShouldBe((9_000m, 1_000m));
        (await ReconcileAsync(program.Program.Id)).ShouldAllBe(r => r.Matches);
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.FundEntries.CountAsync(e => e.ProgramId == program.Program.Id && e.Kind == FundEntryKind.Reserved)).ShouldBe(3);
        // A refusal comes at the reservation, after the approval's rows were written: all of them are rolled back with it.
        (await db.Payments.CountAsync(p => p.ProgramId == program.Program.Id)).ShouldBe(3);
        var waiting = await db.AssistanceApplications.Where(a => a.ProgramId == program.Program.Id && a.Status == ApplicationStatus.Submitted)
            .Select(a => new { a.Id, a.Version, a.BudgetId }).ToListAsync();
        waiting.Count.ShouldBe(3);
        waiting.ShouldAllBe(a => a.Version == 1 && a.BudgetId == null);
        var waitingIds = waiting.Select(a => a.Id).ToList();
        (await db.ApplicationSteps.CountAsync(s => waitingIds.Contains(s.ApplicationId) && s.Kind == ApplicationStepKind.Approved)).ShouldBe(0);
    }

    [Fact]
    public async Task A_desk_claim_over_the_budget_waits_for_an_approver_with_nothing_of_the_approval_kept()
    {
        var program = await ProgramAsync(ProgramType.LivingRelief, new ProgramRules { FixedAmount = 800, GrassrootsUpTo = 1_000, OnTheSpotUpTo = 1_000 });
        await Ok(await AllocateAsync("zz.assist", program.Program.Id, "4101", 1_000), HttpStatusCode.OK);
        var paid = await fixture.Cadre("jc.assist").PostAsJsonAsync($"/api/assistance/applications?memberId={(await MemberAsync()).Id}",
            Aid(program.Program.Id, null, null, null, null, null), TestJson.Options);
        (await paid.Content.ReadFromJsonAsync<JsonElement>(TestJson.Options)).GetProperty("status").GetString().ShouldBe("Approved");

        var over = await fixture.Cadre("jc.assist").PostAsJsonAsync($"/api/assistance/applications?memberId={(await MemberAsync()).Id}",
            Aid(program.Program.Id, null, null, null, null, null), TestJson.Options);
        var view = await over.Content.ReadFromJsonAsync<JsonElement>(TestJson.Options);
        view.GetProperty("status").GetString().ShouldBe("Submitted");
        view.GetProperty("notOnTheSpot").GetString()!.ShouldStartWith("未能当场审批（超出年度预算");
        var id = view.GetProperty("id").GetGuid();
        var detail = await DetailAsync("zy.assist", id);
        (detail.Application.Status, detail.Application.Version).ShouldBe((ApplicationStatus.Submitted, 1));
        detail.History.Count.ShouldBe(1, "only the filing, no approval");
        (await BudgetAsync(program.Program.Id, "4101")).Reserved.ShouldBe(800m);
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.Payments.CountAsync(p => p.ApplicationId == id)).ShouldBe(0);
        (await db.FundEntries.CountAsync(e => e.ApplicationId == id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_cadre_without_a_registered_identity_cannot_approve_money()
    {
        var program = await ProgramAsync(ProgramType.LivingRelief, new ProgramRules { FixedAmount = 500 });
        await Ok(await AllocateAsync("zz.assist", program.Program.Id, "4101", 10_000), HttpStatusCode.OK);
        var id = await FileAsync("zy.assist", (await MemberAsync()).Id, Aid(program.Program.Id, null, null, null, null, null));
        string? saved;
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "jc.assist");
            (saved, user.PersonIdHash) = (user.PersonIdHash, null);
            await db.SaveChangesAsync();
        }

        try
        {
            (await Refused(await DecideAsync("jc.assist", id, 1), HttpStatusCode.Forbidden)).ShouldContain("登记本人身份证号");
        }
        finally
        {
            await using var scope = fixture.Factory.WholeTreeScope(out var db);
            (await db.Users.SingleAsync(u => u.UserName == "jc.assist")).PersonIdHash = saved;
            await db.SaveChangesAsync();
        }

        await Ok(await DecideAsync("jc.assist", id, 1));
    }
}