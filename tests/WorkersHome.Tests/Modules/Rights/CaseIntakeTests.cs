using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Rights;
using WorkersHome.Modules.Rights.Cases;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Rights;

public sealed class CaseIntakeFixture : AppFixture;

/// <summary>统一接听 and 分级办理 through the API on PostgreSQL: intake, routing, duplicates, confidentiality, scope and the handling flow.</summary>
public sealed class CaseIntakeTests(CaseIntakeFixture fixture) : IClassFixture<CaseIntakeFixture>
{
    private HttpClient As(string user) => fixture.Factory.Api(fixture.World.User(user));

    private object WageComplaint(string key, bool employerMayKnow = false) => new
    {
        Kind = "Complaint",
        Topic = "WageArrears",
        Subject = "车间三个月工资未发",
        Details = "2026年9月至11月工资未发放，多次找车间主任无果。",
        MemberId = fixture.World.ZhengzhouMember,
        EmployerOrgId = fixture.World.Org(TestWorld.ZhengzhouUnionCode),
        AmountClaimed = 18600.50m,
        WorkersAffected = 3,
        EmployerMayKnow = employerMayKnow,
        SubmissionKey = key,
    };

    private async Task<CaseState> FileAsync(object input, string user = "agent")
    {
        var response = await As(user).PostAsJsonAsync("/api/rights/cases", input, TestJson.Options);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CaseState>(TestJson.Options))!;
    }

    private async Task<CaseDetail> DetailAsync(Guid id, string user) =>
        (await As(user).GetFromJsonAsync<CaseDetail>($"/api/rights/cases/{id}", TestJson.Options))!;

    private async Task<CaseState> StepAsync(Guid id, string step, object body, string user, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await As(user).PostAsJsonAsync($"/api/rights/cases/{id}/{step}", body, TestJson.Options);
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        return expected == HttpStatusCode.OK ? (await response.Content.ReadFromJsonAsync<CaseState>(TestJson.Options))! : null!;
    }

    [Fact]
    public async Task A_complaint_against_an_employer_goes_to_its_county_union_with_deadlines_on_business_days()
    {
        var filed = await FileAsync(WageComplaint("route-1"));

        filed.Status.ShouldBe(CaseStatus.Received);
        filed.OrgId.ShouldBe(fixture.World.Org("410102"), "the employer's union sits below 中原区's township; the county handles it");
        filed.TrackingNumber.ShouldMatch("^WQ[0-9]{14}$");
        var detail = await DetailAsync(filed.Id, "zy.rights");
        detail.Row.EmployerName.ShouldBe("郑州测试机械有限公司");
        detail.Complexity.ShouldBe(CaseComplexity.Ordinary);
        detail.Row.Caller.ShouldBe("王*国");
        detail.Details.ShouldContain("多次找车间主任");
        (detail.ResolveDueAt - detail.AcceptDueAt).TotalDays.ShouldBeGreaterThanOrEqualTo(6, "7 business days to resolve against 1 to accept");
        detail.AcceptDueAt.Offset.ShouldBe(TimeSpan.Zero);
        detail.Steps.Single().Kind.ShouldBe(CaseStepKind.Filed);

        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var stored = await db.RightsCases.SingleAsync(c => c.Id == filed.Id);
        stored.DetailsCipher.ShouldNotContain("车间主任", Case.Sensitive, "what happened is kept encrypted");
        stored.PhoneCipher.ShouldNotBeNull();
        (await db.OutboxMessages.CountAsync(m => m.Channel == "sms" && m.Body.Contains(filed.TrackingNumber))).ShouldBe(1, "the caller is told the tracking number by SMS");
    }

    [Fact]
    public async Task The_same_submission_twice_or_at_once_files_one_case()
    {
        var client = As("agent");
        var first = await client.PostAsJsonAsync("/api/rights/cases", WageComplaint("double-1"), TestJson.Options);
        var again = await client.PostAsJsonAsync("/api/rights/cases", WageComplaint("double-1"), TestJson.Options);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<CaseState>(TestJson.Options))!.Id.ShouldBe((await first.Content.ReadFromJsonAsync<CaseState>(TestJson.Options))!.Id);

        var racing = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/rights/cases")
        {
            Content = JsonContent.Create(WageComplaint(null!), options: TestJson.Options),
            Headers = { { "Idempotency-Key", "header-race-1" } },
        })));
        racing.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.OK);
        var ids = new HashSet<Guid>();
        foreach (var r in racing)
        {
            ids.Add((await r.Content.ReadFromJsonAsync<CaseState>(TestJson.Options))!.Id);
        }

        ids.Count.ShouldBe(1);
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.RightsCases.CountAsync(c => c.SubmissionKey.EndsWith(":header-race-1"))).ShouldBe(1);
    }

    [Fact]
    public async Task Bad_input_names_each_field()
    {
        var response = await As("agent").PostAsJsonAsync("/api/rights/cases", new { Kind = "Complaint", Topic = "WageArrears", Anonymous = true, Phone = "12345" }, TestJson.Options);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        foreach (var field in new[] { "Subject", "Details", "Anonymous", "EmployerName", "AmountClaimed" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue($"{field} in {errors}");
        }

        var unknownEmployer = await As("agent").PostAsJsonAsync("/api/rights/cases", new
        {
            Kind = "Request",
            Topic = "Dismissal",
            Subject = "被违法解除",
            Details = "经过",
            CallerName = "张三",
            Phone = "13900001111",
            EmployerOrgId = 987654321L,
        }, TestJson.Options);
        unknownEmployer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknownEmployer.Content.ReadAsStringAsync()).ShouldContain("EmployerOrgId");
        (await As("zz.officer").PostAsJsonAsync("/api/rights/cases", WageComplaint("forbidden"), TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_anonymous_consultation_is_answered_on_the_spot_and_closed()
    {
        var filed = await FileAsync(new
        {
            Kind = "Consultation",
            Topic = "LabourContract",
            Subject = "试用期最长多久",
            Anonymous = true,
            PlaceOrgId = fixture.World.Org("410103"),
            Answer = "劳动合同期限三年以上的，试用期不得超过六个月。",
        });
        filed.Status.ShouldBe(CaseStatus.Closed);
        filed.OrgId.ShouldBe(fixture.World.Org("410103"), "routed by the place of work");
        var detail = await DetailAsync(filed.Id, "agent");
        detail.Row.Caller.ShouldBe("匿名");
        detail.Result.ShouldStartWith("劳动合同期限三年以上");
        detail.Steps.Select(s => s.Kind).ShouldBe([CaseStepKind.Filed, CaseStepKind.AnsweredOnSpot]);
    }

    [Fact]
    public async Task The_employers_own_union_never_sees_who_complained_unless_they_agreed()
    {
        var secret = await FileAsync(WageComplaint("confidential-1"));
        var open = await FileAsync(WageComplaint("confidential-2", employerMayKnow: true));
        foreach (var c in new[] { secret, open })
        {
            await StepAsync(c.Id, "transfer", new { Version = c.Version, ToOrgId = fixture.World.Org(TestWorld.ZhengzhouUnionCode), Reason = "请企业工会先行调解" }, "zy.rights");
        }

        var hidden = await DetailAsync(secret.Id, "jc.rights");
        hidden.CallerHidden.ShouldBeTrue();
        hidden.Row.Caller.ShouldBe("（保密）");
        hidden.PhoneMasked.ShouldBeNull();
        var queue = (await As("jc.rights").GetFromJsonAsync<CasePage>("/api/rights/cases", TestJson.Options))!;
        queue.Rows.Single(r => r.Id == secret.Id).Caller.ShouldBe("（保密）");
        queue.Rows.Single(r => r.Id == open.Id).Caller.ShouldBe("王*国");
        (await DetailAsync(secret.Id, "zy.rights")).Row.Caller.ShouldBe("王*国", "the county above still sees the caller");

        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.AuditEntries.CountAsync(a => a.Action == RightsAuditActions.Viewed && a.TargetId == secret.Id.ToString() && a.ActorName == "jc.rights")).ShouldBe(1);
    }

    [Fact]
    public async Task Cases_stay_in_scope_and_transfers_go_down_up_or_across_only()
    {
        var filed = await FileAsync(WageComplaint("scope-1"));
        (await As("ly.rights").GetAsync($"/api/rights/cases/{filed.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await As("eq.rights").GetAsync($"/api/rights/cases/{filed.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await As("ly.rights").GetFromJsonAsync<CasePage>("/api/rights/cases", TestJson.Options))!.Rows.ShouldNotContain(r => r.Id == filed.Id);
        await StepAsync(filed.Id, "accept", new { Version = filed.Version }, "ly.rights", HttpStatusCode.NotFound);

        var toLuoyang = await As("zy.rights").PostAsJsonAsync($"/api/rights/cases/{filed.Id}/transfer",
            new { Version = filed.Version, ToOrgId = fixture.World.Org("4103"), Reason = "x" }, TestJson.Options);
        toLuoyang.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "another city is neither below, above nor beside 中原区");
        var across = await StepAsync(filed.Id, "transfer", new { Version = filed.Version, ToOrgId = fixture.World.Org("410103"), Reason = "用工地在二七区" }, "zy.rights");
        across.OrgId.ShouldBe(fixture.World.Org("410103"));
        (await As("zy.rights").GetAsync($"/api/rights/cases/{filed.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "it left 中原区's queue");
        var up = await StepAsync(filed.Id, "transfer", new { Version = across.Version, ToOrgId = fixture.World.Org("4101"), Reason = "涉及多区，请市总协调" }, "eq.rights");
        up.OrgId.ShouldBe(fixture.World.Org("4101"));
        up.Status.ShouldBe(CaseStatus.Received);
        (await DetailAsync(filed.Id, "zz.admin")).Steps.Count(s => s.Kind == CaseStepKind.Transferred).ShouldBe(2);
    }

    [Fact]
    public async Task A_county_handler_recovers_wages_closes_and_a_not_satisfied_callback_reopens()
    {
        var filed = await FileAsync(WageComplaint("flow-1"));
        var accepted = await StepAsync(filed.Id, "accept", new { Version = filed.Version }, "zy.rights");
        accepted.Status.ShouldBe(CaseStatus.InProgress);
        var acted = await StepAsync(filed.Id, "actions", new { Version = accepted.Version, Action = "Mediation", Note = "约谈企业负责人，同意分两期支付" }, "zy.rights");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var first = await StepAsync(filed.Id, "wages", new { Version = acted.Version, Amount = 10000m, Workers = 3, RecoveredOn = today }, "zy.rights");
        var second = await StepAsync(filed.Id, "wages", new { Version = first.Version, Amount = 8600.50m, Workers = 3, RecoveredOn = today, Note = "第二期" }, "zy.rights");
        var badWages = await As("zy.rights").PostAsJsonAsync($"/api/rights/cases/{filed.Id}/wages", new { Version = second.Version, Amount = -1m, Workers = 0, RecoveredOn = today.AddDays(1) }, TestJson.Options);
        badWages.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var badBody = await badWages.Content.ReadAsStringAsync();
        badBody.ShouldContain("Amount");
        badBody.ShouldContain("Workers");
        badBody.ShouldContain("RecoveredOn");

        var noResult = await As("zy.rights").PostAsJsonAsync($"/api/rights/cases/{filed.Id}/resolve", new { Version = second.Version }, TestJson.Options);
        noResult.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var resolved = await StepAsync(filed.Id, "resolve", new { Version = second.Version, Note = "企业已全额支付拖欠工资" }, "zy.rights");
        resolved.Status.ShouldBe(CaseStatus.Resolved, "a complaint waits for the member's word");

        var reopened = await StepAsync(filed.Id, "callback", new { Version = resolved.Version, Satisfaction = "NotSatisfied", Note = "加班费未支付" }, "zy.rights");
        reopened.Status.ShouldBe(CaseStatus.InProgress);
        var again = await StepAsync(filed.Id, "resolve", new { Version = reopened.Version, Note = "加班费已补发" }, "zy.rights");
        var closed = await StepAsync(filed.Id, "callback", new { Version = again.Version, Satisfaction = "Satisfied" }, "zy.rights");
        closed.Status.ShouldBe(CaseStatus.Closed);

        var detail = await DetailAsync(filed.Id, "zy.rights");
        detail.AmountRecovered.ShouldBe(18600.50m);
        detail.WorkersHelped.ShouldBe(3, "instalments to the same three workers count them once");
        detail.Recoveries.Count.ShouldBe(2);
        detail.Satisfaction.ShouldBe(Satisfaction.Satisfied);

        (await As("zy.rights").PostAsJsonAsync($"/api/rights/cases/{filed.Id}/quality", new { Version = closed.Version, Passed = false, Note = "x" }, TestJson.Options))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a handler does not check their own work");
        (await As("zz.admin").GetFromJsonAsync<CasePage>("/api/rights/cases?ForQualityCheck=true", TestJson.Options))!.Rows.ShouldContain(r => r.Id == filed.Id,
            "a case the member was once not satisfied with always goes to the quality check");
        var failed = await StepAsync(filed.Id, "quality", new { Version = closed.Version, Passed = false, Note = "未记录加班费计算依据" }, "zz.admin");
        failed.Status.ShouldBe(CaseStatus.InProgress);
    }

    [Fact]
    public async Task A_lawyer_who_acts_for_the_employer_is_never_assigned_to_the_case()
    {
        var admin = As("zz.admin");
        var conflicted = await admin.PostAsJsonAsync("/api/rights/lawyers", new
        {
            Name = "钱律师",
            Firm = "中州律师事务所",
            LicenseNumber = "14101201910000001",
            ConflictsWith = "某银行\n郑州测试机械（常年法律顾问）",
        }, TestJson.Options);
        conflicted.StatusCode.ShouldBe(HttpStatusCode.OK, await conflicted.Content.ReadAsStringAsync());
        var free = (await (await admin.PostAsJsonAsync("/api/rights/lawyers", new { Name = "孙律师", Firm = "黄河律师事务所", LicenseNumber = "14101201910000002" }, TestJson.Options))
            .Content.ReadFromJsonAsync<LawyerView>(TestJson.Options))!;
        var bad = await admin.PostAsJsonAsync("/api/rights/lawyers", new { Name = "", Firm = "x", LicenseNumber = "123" }, TestJson.Options);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("LicenseNumber");
        (await As("zy.rights").PostAsJsonAsync("/api/rights/lawyers", new { Name = "x", Firm = "x", LicenseNumber = "14101201910000003" }, TestJson.Options))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var roster = (await As("zy.rights").GetFromJsonAsync<List<LawyerView>>("/api/rights/lawyers", TestJson.Options))!;
        roster.Select(l => l.Name).ShouldBe(["孙律师", "钱律师"], ignoreOrder: true, "the county handler sees the city's roster");
        (await As("ly.rights").GetFromJsonAsync<List<LawyerView>>("/api/rights/lawyers", TestJson.Options))!.ShouldBeEmpty("another city's roster is not Luoyang's");

        var filed = await FileAsync(WageComplaint("legal-aid-1"));
        var accepted = await StepAsync(filed.Id, "accept", new { Version = filed.Version }, "zy.rights");
        var refused = await As("zy.rights").PostAsJsonAsync($"/api/rights/cases/{filed.Id}/legal-aid",
            new { Version = accepted.Version, LawyerId = roster.Single(l => l.Name == "钱律师").Id }, TestJson.Options);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("利益冲突");
        await StepAsync(filed.Id, "legal-aid", new { Version = accepted.Version, LawyerId = free.Id, Note = "代为申请劳动仲裁" }, "zy.rights");
        var detail = await DetailAsync(filed.Id, "zy.rights");
        detail.Steps.Last().ActionName.ShouldBe("法律援助");
        detail.Steps.Last().Note!.ShouldContain("孙律师");
    }

    [Fact]
    public async Task Two_handlers_acting_at_once_get_one_success_and_a_409()
    {
        var filed = await FileAsync(WageComplaint("race-accept"));
        var answers = await Task.WhenAll(
            As("zy.rights").PostAsJsonAsync($"/api/rights/cases/{filed.Id}/accept", new { Version = filed.Version }, TestJson.Options),
            As("zy2.rights").PostAsJsonAsync($"/api/rights/cases/{filed.Id}/accept", new { Version = filed.Version }, TestJson.Options));
        answers.Select(a => a.StatusCode).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict], ignoreOrder: true);
        (await DetailAsync(filed.Id, "zy.rights")).Steps.Count(s => s.Kind == CaseStepKind.Accepted).ShouldBe(1);
    }

    [Fact]
    public async Task The_agent_finds_the_caller_by_phone_and_the_public_lookup_needs_number_and_phone()
    {
        var filed = await FileAsync(WageComplaint("lookup-1"));
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            var phone = fixture.Factory.Services.GetRequiredService<WorkersHome.Platform.Privacy.PersonalDataProtector>()
                .Decrypt((await db.RightsCases.SingleAsync(c => c.Id == filed.Id)).PhoneCipher!);
            phone.ShouldBe(MemberPhone, "an agent filing for a member keeps the member's registered phone");
        }

        var callers = await As("agent").PostAsJsonAsync("/api/rights/cases/callers", new { Phone = MemberPhone }, TestJson.Options);
        callers.StatusCode.ShouldBe(HttpStatusCode.OK, await callers.Content.ReadAsStringAsync());
        var match = (await callers.Content.ReadFromJsonAsync<CallerMatch>(TestJson.Options))!;
        match.Members.Single().Id.ShouldBe(fixture.World.ZhengzhouMember);
        match.Members.Single().Name.ShouldBe("王*国");
        match.EarlierCases.ShouldContain(c => c.Id == filed.Id);

        var found = await fixture.Factory.Anonymous().PostAsJsonAsync("/api/rights/lookup", new { filed.TrackingNumber, Phone = MemberPhone }, TestJson.Options);
        found.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await found.Content.ReadFromJsonAsync<MyCase>(TestJson.Options))!.TrackingNumber.ShouldBe(filed.TrackingNumber);
        (await fixture.Factory.Anonymous().PostAsJsonAsync("/api/rights/lookup", new { filed.TrackingNumber, Phone = "13900000000" }, TestJson.Options))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private string MemberPhone => TestWorld.Member(0, "", ZhengzhouIdNumber).Phone!;

    private static string ZhengzhouIdNumber =>
        WorkersHome.Modules.Members.ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, WorkersHome.Modules.Members.Gender.Male);
}