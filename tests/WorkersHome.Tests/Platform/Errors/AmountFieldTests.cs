using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Assistance.MutualAid;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Members;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Platform.Errors;

/// <summary>Amounts typed wrong on the forms are refused with a message that names the field and says what is wrong, not "请填写…".</summary>
public sealed class AmountFieldTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static int _sequence;

    private async Task<Guid> MemberAsync()
    {
        var n = Interlocked.Increment(ref _sequence);
        await using var scope = fixture.Factory.WholeTreeScope(out _);
        var register = scope.ServiceProvider.GetRequiredService<WorkersHome.Modules.Members.Register.RegisterMember>();
        var idNumber = ResidentIdNumber.Compose("410102", new DateOnly(1972, 3, 1).AddDays(n * 31), 500 + n, Gender.Female);
        return (await register.ExecuteAsync(TestWorld.Member(fixture.World.Org(TestWorld.ZhengzhouUnionCode), TestWorld.PersonName("金额", n), idNumber))).Id;
    }

    private static async Task<string> TextOfAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Theory]
    [InlineData("abc", "医疗费用总额不是有效的数字：“abc”")]
    [InlineData("1e308", "医疗费用总额不是有效的数字：“1e308”")]
    [InlineData("-5000", "医疗费用总额应为不超过 100000000 元的正数，最多两位小数")]
    [InlineData("12345678901234567890", "医疗费用总额应为不超过 100000000 元的正数，最多两位小数")]
    [InlineData("1000.005", "医疗费用总额应为不超过 100000000 元的正数，最多两位小数")]
    public async Task A_hospital_bill_with_a_wrong_total_says_what_is_wrong(string total, string message)
    {
        var created = await fixture.Cadre("zz.assist").PostAsJsonAsync("/api/assistance/programs",
            new NewProgram("医疗互助（金额）" + Interlocked.Increment(ref _sequence), ProgramType.MedicalMutualAid, fixture.World.Org("4101"), DateTime.UtcNow.Year, null, null, null), TestJson.Options);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var programId = (await created.Content.ReadFromJsonAsync<ProgramView>(TestJson.Options))!.Program.Id;
        var member = await MemberAsync();
        (await fixture.Cadre("jc.assist").PostAsJsonAsync($"/api/assistance/programs/{programId}/enrollments",
            new NewEnrollment(programId, member, null, null, EnrolleeKind.Member, 1, PremiumPayer.Member), TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = await fixture.Factory.SignedInAsync(fixture.World.User("jc.assist"));
        var url = $"/Assistance/Applications/New?MemberId={member}&ProgramId={programId}";
        var response = await WebClients.PostFormAsync(page, url, new()
        {
            ["ProgramId"] = programId.ToString(),
            ["Input.Description"] = "住院",
            ["Input.Hospital"] = "郑州大学第一附属医院",
            ["Input.Diagnosis"] = "肺炎",
            ["Input.TotalCost"] = total,
            ["Input.InsurancePaid"] = "100",
            ["Input.BankName"] = "中国建设银行郑州分行",
            ["Input.AccountNumber"] = "6217000000001234",
            ["Input.SubmissionKey"] = Guid.NewGuid().ToString(),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await TextOfAsync(response);
        text.ShouldContain(message);
        text.ShouldNotContain("请填写医疗费用总额");
    }

    [Fact]
    public async Task A_household_income_that_is_not_a_number_is_named_on_the_hardship_form()
    {
        var member = await MemberAsync();
        var page = await fixture.Factory.SignedInAsync(fixture.World.User("jc.assist"));
        var response = await WebClients.PostFormAsync(page, $"/Assistance/New?MemberId={member}", new()
        {
            ["Form.Household[0].Relation"] = "本人",
            ["Form.Household[0].Age"] = "45",
            ["Form.Household[0].Health"] = "1",
            ["Form.Household[0].Work"] = "1",
            ["Form.Household[0].MonthlyIncome"] = "八百",
            ["Form.Housing"] = "2",
            ["Form.PrimaryCause"] = "1",
            ["Form.Causes"] = "1",
            ["Form.Needs"] = "生活救助",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await TextOfAsync(response);
        text.ShouldContain("家庭成员月收入不是有效的数字：“八百”");
    }

    [Fact]
    public async Task A_budget_that_is_not_a_number_is_named_and_nothing_is_allocated()
    {
        var created = await fixture.Cadre("zz.assist").PostAsJsonAsync("/api/assistance/programs",
            new NewProgram("送温暖（金额）", ProgramType.MedicalMutualAid, fixture.World.Org("4101"), DateTime.UtcNow.Year, null, null, null), TestJson.Options);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var programId = (await created.Content.ReadFromJsonAsync<ProgramView>(TestJson.Options))!.Program.Id;
        var page = await fixture.Factory.SignedInAsync(fixture.World.User("zz.assist"));
        var url = $"/Assistance/Programs/Detail/{programId}";
        var response = await WebClients.PostFormAsync(page, url + "?handler=Allocate", new()
        {
            ["AllocateOrgId"] = fixture.World.Org("4101").ToString(),
            ["AllocateAmount"] = "五万",
            ["RequestKey"] = Guid.NewGuid().ToString(),
        }, url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TextOfAsync(response)).ShouldContain("分配金额不是有效的数字：“五万”");
        var view = await fixture.Cadre("zz.assist").GetFromJsonAsync<ProgramView>($"/api/assistance/programs/{programId}", TestJson.Options);
        view!.Budgets.ShouldAllBe(b => b.Amount == 0);
    }
}