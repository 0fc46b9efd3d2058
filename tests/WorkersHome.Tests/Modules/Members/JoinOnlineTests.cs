using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Cards;
using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Join;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Members;

public sealed class JoinOnlineFixture : AppFixture;

/// <summary>网上入会 through HTTP on PostgreSQL: apply on a phone, the union's officer decides, the applicant hears and signs in.</summary>
public sealed class JoinOnlineTests(JoinOnlineFixture fixture) : IClassFixture<JoinOnlineFixture>
{
    private async Task<string> LastSmsToAsync(string phone)
    {
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        return (await db.OutboxMessages.OrderByDescending(m => m.Id).FirstAsync(m => m.RecipientMasked == WorkersHome.Platform.Privacy.Mask.Phone(phone))).Body;
    }

    [Fact]
    public async Task A_worker_applies_on_a_phone_the_officer_approves_and_the_new_member_signs_in_to_a_card()
    {
        var unions = await fixture.Factory.Anonymous().GetFromJsonAsync<List<JoinableUnion>>("/api/join/unions?q=郑州测试", TestJson.Options);
        var union = unions!.Single(u => u.Code == TestWorld.ZhengzhouUnionCode);
        union.Place.ShouldNotBeNullOrEmpty();

        var phone = "13500000011";
        var (applicant, next) = await MemberSignIn.ByPhoneAsync(fixture.Factory, phone);
        next.ShouldEndWith("/m/Link");
        var idNumber = ResidentIdNumber.Compose("410102", new DateOnly(1996, 7, 8), 77, Gender.Male);
        var bad = await applicant.PostAsJsonAsync("/api/join/applications", JoinForms.Gig(union.Id, "", idNumber[..17] + (idNumber[17] == '1' ? '2' : '1')), TestJson.Options);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadAsStringAsync();
        problem.ShouldContain("请填写姓名");
        problem.ShouldContain("校验位");

        var created = await applicant.PostAsJsonAsync("/api/join/applications", JoinForms.Gig(union.Id, "赵新民", idNumber), TestJson.Options);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var application = (await created.Content.ReadFromJsonAsync<JoinApplicationView>(TestJson.Options))!;
        application.Status.ShouldBe(JoinStatus.Pending);
        application.IdMasked.ShouldBe(idNumber[..6] + "********" + idNumber[^4..]);
        (await applicant.PostAsJsonAsync("/api/join/applications", JoinForms.Gig(union.Id, "赵新民", idNumber), TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var ly = fixture.Factory.Api(fixture.World.User("ly.officer"));
        (await ly.GetFromJsonAsync<List<JoinApplicationView>>("/api/members/applications", TestJson.Options))!.ShouldNotContain(a => a.Id == application.Id);
        (await ly.PostAsJsonAsync($"/api/members/applications/{application.Id}/approve", new { application.Version }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var zz = fixture.Factory.Api(fixture.World.User("zz.officer"));
        var queued = (await zz.GetFromJsonAsync<List<JoinApplicationView>>("/api/members/applications", TestJson.Options))!.Single(a => a.Id == application.Id);
        queued.WaitingHours.ShouldBeGreaterThanOrEqualTo(0);
        queued.EmploymentForm.ShouldBe("灵活就业（新就业形态）");
        (await zz.PostAsJsonAsync($"/api/members/applications/{application.Id}/approve", new { Version = 9 }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var approved = await zz.PostAsJsonAsync($"/api/members/applications/{application.Id}/approve", new { application.Version }, TestJson.Options);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        var memberId = (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("memberId").GetGuid();
        (await zz.PostAsJsonAsync($"/api/members/applications/{application.Id}/approve", new { application.Version }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "decided once");

        var member = await zz.GetFromJsonAsync<JsonElement>($"/api/members/{memberId}");
        member.GetProperty("name").GetString().ShouldBe("赵新民");
        (await zz.GetFromJsonAsync<CardView>($"/api/members/{memberId}/card", TestJson.Options))!.Status.ShouldBe(CardStatus.Active);
        (await LastSmsToAsync(phone)).ShouldContain("已通过审核");
        var mine = await applicant.GetFromJsonAsync<List<JoinApplicationView>>("/api/join/applications", TestJson.Options);
        mine!.Single().Status.ShouldBe(JoinStatus.Approved);
        // Still signed in from applying: the next member page makes the session the new member's without asking again.
        (await applicant.GetAsync("/api/me/card")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var relinked = await applicant.GetAsync("/m/Link");
        relinked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        relinked.Headers.Location!.OriginalString.ShouldEndWith("/m/Card");
        (await applicant.GetAsync("/api/me/card")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The phone was linked on approval: its next sign-in (a minute on, when a new code may be sent) opens the card.
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            (await db.MemberLogins.SingleAsync(l => l.MemberId == memberId)).PhoneMasked.ShouldBe(WorkersHome.Platform.Privacy.Mask.Phone(phone));
        }

        // The same person applying again is already a member: nothing about the record is told.
        var (other, _) = await MemberSignIn.ByPhoneAsync(fixture.Factory, "13500000012");
        var duplicate = await other.PostAsJsonAsync("/api/join/applications", JoinForms.Gig(union.Id, "赵新民", idNumber), TestJson.Options);
        duplicate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await duplicate.Content.ReadAsStringAsync();
        text.ShouldContain("已是在册会员");
        text.ShouldNotContain(union.Name);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_the_applicant_reads_and_a_waiting_application_can_be_withdrawn()
    {
        var union = (await fixture.Factory.Anonymous().GetFromJsonAsync<List<JoinableUnion>>("/api/join/unions?q=郑州测试", TestJson.Options))!.Single(u => u.Code == TestWorld.ZhengzhouUnionCode);
        var phone = "13500000021";
        var (applicant, _) = await MemberSignIn.ByPhoneAsync(fixture.Factory, phone);
        var first = await (await applicant.PostAsJsonAsync("/api/join/applications", JoinForms.Gig(union.Id, "钱小红", ResidentIdNumber.Compose("410102", new DateOnly(1999, 1, 2), 88, Gender.Female)), TestJson.Options))
            .Content.ReadFromJsonAsync<JoinApplicationView>(TestJson.Options);
        var zz = fixture.Factory.Api(fixture.World.User("zz.officer"));
        var noReason = await zz.PostAsJsonAsync($"/api/members/applications/{first!.Id}/reject", new { first.Version }, TestJson.Options);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("请填写不予通过的原因");
        (await zz.PostAsJsonAsync($"/api/members/applications/{first.Id}/reject", new { first.Version, Reason = "所填工作单位不属于本工会" }, TestJson.Options))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var mine = (await applicant.GetFromJsonAsync<List<JoinApplicationView>>("/api/join/applications", TestJson.Options))!.Single(a => a.Id == first.Id);
        (mine.Status, mine.Reason).ShouldBe((JoinStatus.Rejected, "所填工作单位不属于本工会"));
        (await LastSmsToAsync(phone)).ShouldContain("所填工作单位不属于本工会");

        var second = await (await applicant.PostAsJsonAsync("/api/join/applications", JoinForms.Gig(union.Id, "钱小红", ResidentIdNumber.Compose("410102", new DateOnly(1999, 1, 2), 88, Gender.Female)), TestJson.Options))
            .Content.ReadFromJsonAsync<JoinApplicationView>(TestJson.Options);
        (await applicant.PostAsJsonAsync($"/api/join/applications/{second!.Id}/withdraw", new { second.Version }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await zz.GetFromJsonAsync<List<JoinApplicationView>>("/api/members/applications", TestJson.Options))!.ShouldNotContain(a => a.Id == second.Id);
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.Members.CountAsync(m => m.Name == "钱小红")).ShouldBe(0);
    }
}