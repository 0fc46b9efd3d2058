using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Applications;
using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Assistance.Disbursement;
using WorkersHome.Modules.Assistance.MutualAid;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Members;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Assistance;

public sealed class MutualAidFixture : AppFixture;

/// <summary>Medical mutual aid: enrolment per period, claims on a hospital bill, the illness-hardship rate, small claims decided on the spot.</summary>
public sealed class MutualAidTests(MutualAidFixture fixture) : IClassFixture<MutualAidFixture>
{
    private static int _sequence;

    private async Task<Guid> MemberAsync()
    {
        var n = Interlocked.Increment(ref _sequence);
        await using var scope = fixture.Factory.WholeTreeScope(out _);
        var register = scope.ServiceProvider.GetRequiredService<WorkersHome.Modules.Members.Register.RegisterMember>();
        var idNumber = ResidentIdNumber.Compose("410102", new DateOnly(1975, 6, 1).AddDays(n * 29), 300 + n, Gender.Female);
        return (await register.ExecuteAsync(TestWorld.Member(fixture.World.Org(TestWorld.ZhengzhouUnionCode), TestWorld.PersonName("互助", n), idNumber))).Id;
    }

    private static ApplicationForm Claim(long programId, decimal total, decimal insurance) =>
        new(programId, null, null, "住院", null, null, "中国建设银行郑州分行", "6217000000001234", new MedicalBill("郑州大学第一附属医院", "急性心肌梗死", total, insurance));

    private async Task<HttpResponseMessage> EnrollAsync(long programId, NewEnrollment request) =>
        await fixture.Cadre("jc.assist").PostAsJsonAsync($"/api/assistance/programs/{programId}/enrollments", request, TestJson.Options);

    [Fact]
    public async Task Enrolled_people_claim_on_their_hospital_bill_illness_hardship_gets_the_city_rate_and_small_claims_are_paid_on_the_spot()
    {
        var created = await fixture.Cadre("zz.assist").PostAsJsonAsync("/api/assistance/programs",
            new NewProgram("医疗互助（测试）", ProgramType.MedicalMutualAid, fixture.World.Org("4101"), DateTime.UtcNow.Year, null, null, null), TestJson.Options);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var programId = (await created.Content.ReadFromJsonAsync<ProgramView>(TestJson.Options))!.Program.Id;
        (await fixture.Cadre("zz.assist").PutAsJsonAsync($"/api/assistance/programs/{programId}/budgets", new BudgetAllocation(fixture.World.Org("4101"), 100_000, Guid.NewGuid()), TestJson.Options))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var ordinary = await MemberAsync();
        var ill = await MemberAsync();
        await HardshipSeeding.PutInArchiveAsync(fixture.Factory, ill, HardshipCause.Illness);

        // Not yet enrolled: no claim.
        var refused = await fixture.Cadre("jc.assist").PostAsJsonAsync($"/api/assistance/applications?memberId={ordinary}", Claim(programId, 20_000, 7_660), TestJson.Options);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("须参加本期医疗互助");

        (await EnrollAsync(programId, new NewEnrollment(programId, ordinary, null, null, EnrolleeKind.Member, 2, PremiumPayer.Member))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await EnrollAsync(programId, new NewEnrollment(programId, ordinary, null, null, EnrolleeKind.Member, 1, PremiumPayer.Union))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var spouse = ResidentIdNumber.Compose("410102", new DateOnly(1976, 2, 2), 77, Gender.Male);
        (await EnrollAsync(programId, new NewEnrollment(programId, ordinary, "互助配偶", spouse, EnrolleeKind.Spouse, 1, PremiumPayer.Union))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var badId = await EnrollAsync(programId, new NewEnrollment(programId, null, "外来务工", "41010219800101001", EnrolleeKind.MigrantWorker, 1, PremiumPayer.Union));
        badId.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badId.Content.ReadAsStringAsync()).ShouldContain("居民身份证号码应为 18 位");
        var enrolled = await EnrollAsync(programId, new NewEnrollment(programId, ill, null, null, EnrolleeKind.Member, 1, PremiumPayer.Member));
        var illEnrolment = await enrolled.Content.ReadFromJsonAsync<JsonElement>(TestJson.Options);
        illEnrolment.GetProperty("paidBy").GetString().ShouldBe("City", "illness hardship is enrolled at the city's cost");
        var list = await fixture.Cadre("zz.assist").GetFromJsonAsync<JsonElement>($"/api/assistance/programs/{programId}/enrollments", TestJson.Options);
        list.GetProperty("summary").GetProperty("premiums").GetDecimal().ShouldBe(320m);

        // The claim is worked out on the out-of-pocket cost; the illness-hardship household gets 5 more points.
        var plain = await fixture.Cadre("jc.assist").PostAsJsonAsync($"/api/assistance/applications?memberId={ordinary}", Claim(programId, 20_000, 7_660), TestJson.Options);
        (await plain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("explanation").GetString()
            .ShouldBe("（住院自付 12,340 元 − 起付线 1,000 元） × 70% = 7,938 元，低于上限 50,000 元");
        var bonus = await fixture.Cadre("jc.assist").PostAsJsonAsync($"/api/assistance/applications?memberId={ill}", Claim(programId, 20_000, 7_660), TestJson.Options);
        var bonusView = await bonus.Content.ReadFromJsonAsync<JsonElement>();
        bonusView.GetProperty("explanation").GetString()
            .ShouldBe("（住院自付 12,340 元 − 起付线 1,000 元） × 75%（70% + 因病困难职工 5 个百分点） = 8,505 元，低于上限 50,000 元");
        var wrongBill = await fixture.Cadre("jc.assist").PostAsJsonAsync($"/api/assistance/applications?memberId={ill}", Claim(programId, 5_000, 6_000), TestJson.Options);
        wrongBill.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrongBill.Content.ReadAsStringAsync()).ShouldContain("医保报销金额应为 0 或正数，且低于费用总额");

        // A small claim (700 yuan) filed at the grassroots desk is decided there: approved, held, and waiting for finance's batch.
        var small = await fixture.Cadre("jc.assist").PostAsJsonAsync($"/api/assistance/applications?memberId={ordinary}", Claim(programId, 3_000, 1_000), TestJson.Options);
        var smallId = (await small.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var smallView = await fixture.Cadre("zy.assist").GetFromJsonAsync<ApplicationView>($"/api/assistance/applications/{smallId}", TestJson.Options);
        smallView!.Application.Status.ShouldBe(ApplicationStatus.Approved);
        smallView.Application.Amount.ShouldBe(700);
        smallView.History.Last().Reason.ShouldBe("小额当场审批支付");
        smallView.Bill!.Diagnosis.ShouldBe("急性心肌梗死");
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            (await db.Payments.SingleAsync(p => p.ApplicationId == smallId)).Status.ShouldBe(PaymentStatus.Pending);
            (await db.Enrollments.CountAsync(e => e.ProgramId == programId)).ShouldBe(3);
        }

        // A small claim of the clerk's own household is not decided at the desk: it waits for an approver, and the clerk is told why.
        var own = await fixture.Cadre("jc.assist").PostAsJsonAsync($"/api/assistance/applications?memberId={ordinary}",
            Claim(programId, 2_000, 500) with { Household = [new DeclaredPerson("经办人", "配偶", TestWorld.CadreIdNumber("jc.assist"))] }, TestJson.Options);
        var ownView = await own.Content.ReadFromJsonAsync<JsonElement>(TestJson.Options);
        ownView.GetProperty("status").GetString().ShouldBe("Submitted");
        ownView.GetProperty("notOnTheSpot").GetString()!.ShouldStartWith("未能当场审批（您是申请人本人或其家庭成员，须回避");

        // The diagnosis is for assistance officers: an administrator sees the claim without it.
        var masked = await fixture.Cadre("zz.admin").GetFromJsonAsync<ApplicationView>($"/api/assistance/applications/{smallId}", TestJson.Options);
        masked!.Bill.ShouldBeNull();
        (await fixture.Cadre("ly.assist").GetAsync($"/api/assistance/programs/{programId}/enrollments")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}