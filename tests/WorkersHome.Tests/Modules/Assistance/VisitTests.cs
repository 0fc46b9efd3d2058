using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Assistance.Visits;
using WorkersHome.Modules.Members;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Assistance;

public sealed class VisitFixture : AppFixture;

/// <summary>五必访: a campaign plans visits from the archive by group, once; overdue visits are flagged; a visit is recorded with a photo.</summary>
public sealed class VisitTests(VisitFixture fixture) : IClassFixture<VisitFixture>
{
    private async Task<Guid> HouseholdAsync(int n, HardshipCause causes)
    {
        Guid id;
        await using (var scope = fixture.Factory.WholeTreeScope(out _))
        {
            var register = scope.ServiceProvider.GetRequiredService<WorkersHome.Modules.Members.Register.RegisterMember>();
            var idNumber = ResidentIdNumber.Compose("410102", new DateOnly(1968, 4, 1).AddDays(n * 31), 400 + n, Gender.Male);
            id = (await register.ExecuteAsync(TestWorld.Member(fixture.World.Org(TestWorld.ZhengzhouUnionCode), TestWorld.PersonName("走访", n), idNumber))).Id;
        }

        await HardshipSeeding.PutInArchiveAsync(fixture.Factory, id, causes);
        return id;
    }

    [Fact]
    public async Task A_campaign_plans_visits_by_group_once_flags_overdue_ones_and_records_a_visit_with_a_photo()
    {
        var ill = await HouseholdAsync(1, HardshipCause.Illness);
        var jobless = await HouseholdAsync(2, HardshipCause.Unemployment);
        var county = fixture.Cadre("zy.assist");
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1);
        var missing = await county.PostAsJsonAsync("/api/assistance/visits/plan", new VisitCampaign("春节送温暖走访", null, []), TestJson.Options);
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("请至少选择一类走访对象");

        var campaign = new VisitCampaign("春节送温暖走访", yesterday, [VisitGroup.Hardship, VisitGroup.SeriouslyIll]);
        var planned = await county.PostAsJsonAsync("/api/assistance/visits/plan", campaign, TestJson.Options);
        (await planned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("planned").GetInt32().ShouldBe(3, "two hardship households, one of them seriously ill");
        (await (await county.PostAsJsonAsync("/api/assistance/visits/plan", campaign, TestJson.Options)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("planned").GetInt32()
            .ShouldBe(0, "planning again adds nothing");

        var overdue = (await county.GetFromJsonAsync<List<VisitRow>>("/api/assistance/visits?overdue=true", TestJson.Options))!;
        overdue.Count(v => v.MemberId == ill).ShouldBe(2);
        overdue.ShouldContain(v => v.MemberId == jobless && v.Group == VisitGroup.Hardship);
        overdue.ShouldAllBe(v => v.Overdue);
        (await fixture.Cadre("ly.assist").GetFromJsonAsync<List<VisitRow>>("/api/assistance/visits", TestJson.Options))!.ShouldNotContain(v => v.MemberId == ill);

        var visit = overdue.First(v => v.MemberId == ill && v.Group == VisitGroup.SeriouslyIll);
        var bad = await county.PostAsJsonAsync($"/api/assistance/visits/{visit.Id}/record", new VisitRecord(visit.Version, yesterday.AddDays(5), null, null, null, null), TestJson.Options);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadAsStringAsync();
        problem.ShouldContain("不能晚于今天");
        problem.ShouldContain("请填写走访人");
        (await county.PostAsJsonAsync($"/api/assistance/visits/{visit.Id}/record", new VisitRecord(visit.Version, yesterday, "张主席、李干事", "米面油一份、慰问金", 500, "病情稳定"), TestJson.Options))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await county.PostAsync($"/api/assistance/visits/{visit.Id}/photos?fileName=a.pdf", new ByteArrayContent("%PDF-1.4"u8.ToArray()))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        byte[] fake = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
        var damaged = await county.PostAsync($"/api/assistance/visits/{visit.Id}/photos?fileName=走访.png", new ByteArrayContent(fake));
        damaged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await damaged.Content.ReadAsStringAsync()).ShouldContain("文件已损坏或不是有效的图片/PDF");
        var png = SampleDocuments.Png();
        (await county.PostAsync($"/api/assistance/visits/{visit.Id}/photos?fileName=走访.png", new ByteArrayContent(png))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var after = (await county.GetFromJsonAsync<List<VisitRow>>("/api/assistance/visits", TestJson.Options))!.Single(v => v.Id == visit.Id);
        (after.Status, after.Overdue, after.Photos, after.GivenAmount).ShouldBe((VisitStatus.Visited, false, 1, 500m));
        (await county.GetFromJsonAsync<List<VisitRow>>("/api/assistance/visits?overdue=true", TestJson.Options))!.ShouldNotContain(v => v.Id == visit.Id);
    }
}