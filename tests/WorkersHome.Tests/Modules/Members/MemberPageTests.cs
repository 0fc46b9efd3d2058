using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Cards;
using WorkersHome.Modules.Members;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Members;

public sealed class MemberPageFixture : AppFixture;

/// <summary>The cadre's member page (/Members/Detail/{id}) through HTTP on PostgreSQL: scope, masking, reveal, edit, status, card.</summary>
public sealed class MemberPageTests(MemberPageFixture fixture) : IClassFixture<MemberPageFixture>
{
    private long Union => fixture.World.Org(TestWorld.ZhengzhouUnionCode);

    private static string NewId(int sequence) => ResidentIdNumber.Compose("410105", new DateOnly(1988, 2, 14), sequence, Gender.Male);

    /// <summary>A fresh member of the Zhengzhou test union for one test, so that tests do not see each other's changes.</summary>
    private async Task<(Guid Id, string IdNumber, string Phone)> NewMemberAsync(int sequence, string name)
    {
        var idNumber = NewId(sequence);
        var input = TestWorld.Member(Union, name, idNumber);
        var response = await fixture.Factory.Api(fixture.World.User("zz.officer")).PostAsJsonAsync("/api/members", input);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), idNumber, input.Phone!);
    }

    private static string Page(Guid id, string? handler = null) => $"/Members/Detail/{id}" + (handler is null ? "" : "?handler=" + handler);

    private static Dictionary<string, string> Record(int version, string name, string employer, string phone = "") => new()
    {
        ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Name"] = name,
        ["Input.Phone"] = phone,
        ["Input.Ethnicity"] = "01",
        ["Input.EmployerName"] = employer,
        ["Input.EmploymentForm"] = "FullTime",
        ["Input.JoinedOn"] = "2015-06-01",
        ["Input.IsMigrantWorker"] = "true",
    };

    [Fact]
    public async Task A_cadre_of_a_sibling_city_gets_404_for_the_page_and_its_actions()
    {
        var (id, _, _) = await NewMemberAsync(401, "周立波");
        var luoyang = await fixture.Factory.SignedInAsync(fixture.World.User("ly.officer"));
        (await luoyang.GetAsync(Page(id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The form token comes from the cadre's own member's page; the handler still answers 404 for someone else's.
        var own = Page(fixture.World.LuoyangMember);
        (await WebClients.PostFormAsync(luoyang, Page(id, "Status"), new() { ["Version"] = "0", ["NewStatus"] = "Left", ["Reason"] = "x" }, own))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await WebClients.PostFormAsync(luoyang, Page(id, "Reveal"), [], own)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await WebClients.PostFormAsync(luoyang, Page(id, "IssueCard"), [], own)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.Members.SingleAsync(m => m.Id == id)).Status.ShouldBe(MembershipStatus.Active);
    }

    [Fact]
    public async Task The_page_shows_numbers_masked_and_a_reveal_shows_them_in_full_with_an_audit_entry()
    {
        var (id, idNumber, phone) = await NewMemberAsync(402, "吴晓梅");
        var officer = await fixture.Factory.SignedInAsync(fixture.World.User("zz.officer"));
        var list = await officer.GetStringAsync($"/Members?orgId={Union}");
        list.ShouldContain($"href=\"/Members/Detail/{id}\"");

        var html = await officer.GetStringAsync(Page(id));
        html.ShouldContain("吴晓梅");
        html.ShouldContain(idNumber[..6] + "********" + idNumber[^4..]);
        html.ShouldNotContain(idNumber);
        html.ShouldNotContain(phone);

        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var audited = await db.AuditEntries.CountAsync(a => a.Action == WorkersHome.Modules.Members.Register.MemberAuditActions.Revealed && a.TargetId == id.ToString());
        var revealed = await WebClients.PostFormAsync(officer, Page(id, "Reveal"), [], Page(id));
        revealed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var full = await revealed.Content.ReadAsStringAsync();
        full.ShouldContain(idNumber);
        full.ShouldContain(phone);
        (await db.AuditEntries.CountAsync(a => a.Action == WorkersHome.Modules.Members.Register.MemberAuditActions.Revealed && a.TargetId == id.ToString())).ShouldBe(audited + 1);
    }

    [Fact]
    public async Task Editing_saves_the_record_keeps_the_phone_when_left_blank_and_names_a_bad_field_without_losing_the_rest()
    {
        var (id, _, phone) = await NewMemberAsync(403, "郑海燕");
        var officer = await fixture.Factory.SignedInAsync(fixture.World.User("zz.officer"));

        var bad = await WebClients.PostFormAsync(officer, Page(id, "Save"), Record(0, "郑海燕", "郑州重型机械厂", phone: "2345"), Page(id));
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var badHtml = await bad.Content.ReadAsStringAsync();
        badHtml.ShouldContain("手机号码应为以 1 开头的 11 位数字");
        badHtml.ShouldContain("value=\"郑州重型机械厂\"", customMessage: "what the cadre typed comes back");

        var tooLong = await WebClients.PostFormAsync(officer, Page(id, "Save"), Record(0, "郑海燕", new string('厂', 201)), Page(id));
        (await tooLong.Content.ReadAsStringAsync()).ShouldContain("工作单位不能超过 200 个字");

        var saved = await WebClients.PostFormAsync(officer, Page(id, "Save"), Record(0, "郑海燕", "郑州重型机械厂"), Page(id));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());

        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var stored = await db.Members.AsNoTracking().SingleAsync(m => m.Id == id);
        stored.EmployerName.ShouldBe("郑州重型机械厂");
        stored.IsMigrantWorker.ShouldBeTrue();
        stored.Version.ShouldBe(1);
        stored.PhoneMasked.ShouldBe(phone[..3] + "****" + phone[^4..]);
        (await db.AuditEntries.CountAsync(a => a.Action == "member.updated" && a.TargetId == id.ToString())).ShouldBe(1);

        var stale = await WebClients.PostFormAsync(officer, Page(id, "Save"), Record(0, "郑海燕", "别的单位"), Page(id));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("数据已被他人修改，请刷新后重试");
        (await db.Members.AsNoTracking().SingleAsync(m => m.Id == id)).EmployerName.ShouldBe("郑州重型机械厂");
    }

    [Fact]
    public async Task A_status_change_needs_a_reason_and_shows_in_the_history_with_who_when_from_and_to()
    {
        var (id, _, _) = await NewMemberAsync(404, "冯志强");
        var officer = await fixture.Factory.SignedInAsync(fixture.World.User("zz.officer"));

        var noReason = await WebClients.PostFormAsync(officer, Page(id, "Status"), new() { ["Version"] = "0", ["NewStatus"] = "Retained", ["Reason"] = " " }, Page(id));
        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("请填写变更原因");

        var changed = await WebClients.PostFormAsync(officer, Page(id, "Status"),
            new() { ["Version"] = "0", ["NewStatus"] = "Retained", ["Reason"] = "下岗待业，保留会籍" }, Page(id));
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await changed.Content.ReadAsStringAsync());

        var html = await officer.GetStringAsync(Page(id));
        var history = html[html.IndexOf("id=\"member-history\"", StringComparison.Ordinal)..];
        history.ShouldContain("在册 → 保留会籍");
        history.ShouldContain("下岗待业，保留会籍");
        history.ShouldContain("zz.officer");
        html.ShouldContain("id=\"member-status\">保留会籍<");

        var stale = await WebClients.PostFormAsync(officer, Page(id, "Status"), new() { ["Version"] = "0", ["NewStatus"] = "Left", ["Reason"] = "调离" }, Page(id));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.Members.AsNoTracking().SingleAsync(m => m.Id == id)).Status.ShouldBe(MembershipStatus.Retained);
    }

    [Fact]
    public async Task A_cadre_who_may_only_view_sees_no_edit_status_or_card_buttons_and_cannot_post_them()
    {
        var (id, _, _) = await NewMemberAsync(405, "陈丽娟");
        var admin = await fixture.Factory.SignedInAsync(fixture.World.User("t.admin"));
        var html = await admin.GetStringAsync(Page(id));
        html.ShouldContain("陈丽娟");
        html.ShouldNotContain("id=\"edit-form\"");
        html.ShouldNotContain("id=\"status-form\"");
        html.ShouldNotContain("id=\"card-issue\"");
        html.ShouldNotContain("id=\"reveal\"");

        var officer = await fixture.Factory.SignedInAsync(fixture.World.User("zz.officer"));
        var own = await officer.GetStringAsync(Page(id));
        own.ShouldContain("id=\"edit-form\"");
        own.ShouldContain("id=\"status-form\"");
        own.ShouldContain("id=\"card-issue\"");

        var refused = await WebClients.PostFormAsync(admin, Page(id, "Status"), new() { ["Version"] = "0", ["NewStatus"] = "Left", ["Reason"] = "x" }, "/Members");
        refused.Headers.Location?.OriginalString.ShouldContain("/SignIn/AccessDenied");
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.Members.AsNoTracking().SingleAsync(m => m.Id == id)).Status.ShouldBe(MembershipStatus.Active);
    }

    [Fact]
    public async Task Card_actions_on_the_page_issue_freeze_unfreeze_report_lost_and_reissue_with_reasons_in_the_card_history()
    {
        var (id, _, _) = await NewMemberAsync(406, "褚建华");
        var officer = await fixture.Factory.SignedInAsync(fixture.World.User("zz.officer"));
        (await WebClients.PostFormAsync(officer, Page(id, "IssueCard"), [], Page(id))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await WebClients.PostFormAsync(officer, Page(id, "IssueCard"), [], Page(id))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var card = await db.MemberCards.AsNoTracking().SingleAsync(c => c.MemberId == id);
        card.Status.ShouldBe(CardStatus.Active);

        async Task<HttpResponseMessage> Act(CardAction action, int version, string reason) =>
            await WebClients.PostFormAsync(officer, Page(id, "Card"), new()
            {
                ["CardId"] = card.Id.ToString(),
                ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Action"] = action.ToString(),
                ["Reason"] = reason,
            }, Page(id));

        (await Act(CardAction.Freeze, 0, "会费欠缴，暂停使用")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Act(CardAction.Freeze, 0, "再点一次")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var html = await officer.GetStringAsync(Page(id));
        html.ShouldContain("id=\"card-status\">已冻结<");
        html.ShouldContain("会费欠缴，暂停使用");
        html.ShouldContain("data-card-action=\"Unfreeze\"");
        html.ShouldNotContain("data-card-action=\"Freeze\"");

        (await Act(CardAction.Unfreeze, 1, "")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Act(CardAction.ReportLost, 2, "本人来电挂失")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Act(CardAction.Reissue, 3, "补办")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var cards = await db.MemberCards.AsNoTracking().Where(c => c.MemberId == id).ToListAsync();
        cards.Count.ShouldBe(2);
        cards.Single(c => c.Id == card.Id).Status.ShouldBe(CardStatus.Reissued);
        cards.Single(c => c.Id != card.Id).Status.ShouldBe(CardStatus.Active);
        var steps = await db.CardStatusChanges.AsNoTracking().Where(s => s.CardId == card.Id).OrderBy(s => s.Id).Select(s => s.Reason).ToListAsync();
        steps.ShouldBe(["开卡", "会费欠缴，暂停使用", "解冻", "本人来电挂失", "补办"]);
    }

    [Fact]
    public async Task A_card_of_another_member_cannot_be_moved_through_this_members_page()
    {
        var (first, _, _) = await NewMemberAsync(407, "卫国庆");
        var (second, _, _) = await NewMemberAsync(408, "蒋晓燕");
        var officer = await fixture.Factory.SignedInAsync(fixture.World.User("zz.officer"));
        (await WebClients.PostFormAsync(officer, Page(second, "IssueCard"), [], Page(second))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var card = await db.MemberCards.AsNoTracking().SingleAsync(c => c.MemberId == second);

        var wrong = await WebClients.PostFormAsync(officer, Page(first, "Card"),
            new() { ["CardId"] = card.Id.ToString(), ["Version"] = "0", ["Action"] = "Cancel", ["Reason"] = "x" }, Page(first));
        wrong.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await db.MemberCards.AsNoTracking().SingleAsync(c => c.Id == card.Id)).Status.ShouldBe(CardStatus.Active);
    }
}