using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Cards;
using WorkersHome.Modules.Cards.Tokens;
using WorkersHome.Modules.Members;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Cards;

public sealed class MemberCardFlowFixture : AppFixture;

/// <summary>A member signs in by SMS, links their record, shows a QR token that verifies; the card's life through HTTP on PostgreSQL.</summary>
public sealed class MemberCardFlowTests(MemberCardFlowFixture fixture) : IClassFixture<MemberCardFlowFixture>
{
    private static string ZhengzhouIdNumber => ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, Gender.Male);

    /// <summary>The phone TestWorld gave 王建国 (see TestWorld.Member).</summary>
    private static string ZhengzhouPhone => "139" + ZhengzhouIdNumber[^8..].Replace('X', '0');

    private Task<HttpClient> SignedInMemberAsync(string phone, string name, string idNumber) =>
        MemberSignIn.AsMemberAsync(fixture.Factory, phone, name, idNumber);

    private static async Task<CardView> CardAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CardView>(TestJson.Options))!;
    }

    private async Task<VerifyResult> VerifyAsync(string token)
    {
        var response = await fixture.Factory.Anonymous().PostAsJsonAsync("/api/cards/verify", new { token });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<VerifyResult>(TestJson.Options))!;
    }

    private static async Task<string> TokenAsync(HttpClient member)
    {
        var response = await member.PostAsync("/api/me/card/token", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CardTokenView>(TestJson.Options))!.Token;
    }

    [Fact]
    public async Task A_member_signs_in_by_SMS_shows_a_token_that_verifies_and_reporting_lost_and_reissuing_void_the_old_card_at_once()
    {
        var member = await SignedInMemberAsync(ZhengzhouPhone, "王建国", ZhengzhouIdNumber);
        var page = await member.GetStringAsync("/m/Card");
        page.ShouldContain("我的会员卡");
        page.ShouldContain("王建国");

        var card = await CardAsync(await member.GetAsync("/api/me/card"));
        card.Status.ShouldBe(CardStatus.Active);
        CardNumber.IsValid(card.Number).ShouldBeTrue();
        card.Number.ShouldStartWith("628841", customMessage: "default prefix followed by Henan's province code");
        card.HolderName.ShouldBe("王建国");

        var token = await TokenAsync(member);
        var verified = await VerifyAsync(token);
        verified.Valid.ShouldBeTrue();
        verified.CardId.ShouldBe(card.Id);

        var lost = await CardAsync(await member.PostAsJsonAsync("/api/me/card/actions", new { Action = "ReportLost", card.Version }, TestJson.Options));
        lost.Status.ShouldBe(CardStatus.ReportedLost);
        (await VerifyAsync(token)).Verdict.ShouldBe(CardVerdict.ReportedLost);
        (await member.PostAsync("/api/me/card/token", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var reissued = await CardAsync(await member.PostAsJsonAsync("/api/me/card/actions", new { Action = "Reissue", lost.Version }, TestJson.Options));
        reissued.Id.ShouldNotBe(card.Id);
        reissued.Number.ShouldNotBe(card.Number);
        reissued.Status.ShouldBe(CardStatus.Active);
        (await VerifyAsync(token)).Verdict.ShouldBe(CardVerdict.Reissued);
        (await VerifyAsync(await TokenAsync(member))).CardId.ShouldBe(reissued.Id);

        // The same tap again carries the old version: refused, and still one live card.
        (await member.PostAsJsonAsync("/api/me/card/actions", new { Action = "Reissue", lost.Version }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        // A member cannot unfreeze or freeze their own card.
        (await member.PostAsJsonAsync("/api/me/card/actions", new { Action = "Freeze", reissued.Version }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            (await db.MemberCards.CountAsync(c => c.MemberId == fixture.World.ZhengzhouMember && c.Status == CardStatus.Active)).ShouldBe(1);
        }

        var revocations = await fixture.Factory.Anonymous().GetFromJsonAsync<RevocationList>("/api/cards/revocations", TestJson.Options);
        revocations!.Cards.ShouldContain(c => c.CardId == card.Id && c.Status == CardStatus.Reissued);
        var keys = await fixture.Factory.Anonymous().GetFromJsonAsync<KeySet>("/api/cards/keys", TestJson.Options);
        keys!.Keys.Single().Kid.ShouldBe("t1");

        // A second sign-in from the same phone goes straight to the card.
        var again = fixture.Factory.Anonymous();
        (await again.GetAsync("/m/Card")).Headers.Location!.OriginalString.ShouldContain("/m/Login");
    }

    [Fact]
    public async Task Cadres_manage_cards_in_their_subtree_only_and_an_ended_membership_cancels_the_card()
    {
        var luoyang = fixture.World.LuoyangMember;
        var ly = fixture.Factory.Api(fixture.World.User("ly.officer"));
        var zz = fixture.Factory.Api(fixture.World.User("zz.officer"));
        (await zz.PostAsync($"/api/members/{luoyang}/card", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another city's member");
        var card = await CardAsync(await ly.PostAsync($"/api/members/{luoyang}/card", null));
        var again = await CardAsync(await ly.PostAsync($"/api/members/{luoyang}/card", null));
        again.Id.ShouldBe(card.Id, "issuing twice returns the live card");
        (await zz.GetAsync($"/api/members/{luoyang}/card")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await zz.PostAsJsonAsync($"/api/cards/{card.Id}/actions", new { Action = "Freeze", card.Version }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var frozen = await CardAsync(await ly.PostAsJsonAsync($"/api/cards/{card.Id}/actions", new { Action = "Freeze", card.Version, Reason = "会籍核查" }, TestJson.Options));
        frozen.Status.ShouldBe(CardStatus.Frozen);
        frozen.History.Last().Reason.ShouldBe("会籍核查");
        (await ly.PostAsJsonAsync($"/api/cards/{card.Id}/actions", new { Action = "Freeze", frozen.Version }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var active = await CardAsync(await ly.PostAsJsonAsync($"/api/cards/{card.Id}/actions", new { Action = "Unfreeze", frozen.Version }, TestJson.Options));
        active.Status.ShouldBe(CardStatus.Active);

        var memberView = await ly.GetFromJsonAsync<JsonElement>($"/api/members/{luoyang}");
        var ended = await ly.PutAsJsonAsync($"/api/members/{luoyang}/status", new { Version = memberView.GetProperty("version").GetInt32(), Status = "Left", Note = "离职" }, TestJson.Options);
        ended.StatusCode.ShouldBe(HttpStatusCode.OK, await ended.Content.ReadAsStringAsync());
        (await CardAsync(await ly.GetAsync($"/api/members/{luoyang}/card"))).Status.ShouldBe(CardStatus.Cancelled);
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.AuditEntries.CountAsync(a => a.TargetId == card.Id.ToString())).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Linking_needs_the_name_and_ID_number_of_a_member_and_the_phone_on_file()
    {
        var (client, next) = await MemberSignIn.ByPhoneAsync(fixture.Factory, "13600000077");
        next.ShouldEndWith("/m/Link");
        (await client.GetAsync("/api/me/card")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "phone verified, not yet a linked member");

        var wrongName = await WebClients.PostFormAsync(client, "/m/Link", new() { ["Name"] = "王建", ["IdNumber"] = ZhengzhouIdNumber });
        (await wrongName.Content.ReadAsStringAsync()).ShouldContain("未匹配到在册会员");
        var otherPhone = await WebClients.PostFormAsync(client, "/m/Link", new() { ["Name"] = "王建国", ["IdNumber"] = ZhengzhouIdNumber });
        (await otherPhone.Content.ReadAsStringAsync()).ShouldContain("手机号与本机号码不一致");
    }

    [Fact]
    public async Task A_member_links_a_co_branded_bank_card_kept_encrypted_shown_by_its_last_four_and_carried_to_a_reissued_card()
    {
        var luoyangId = ResidentIdNumber.Compose("410302", new DateOnly(1990, 8, 1), 45, Gender.Female);
        var member = await SignedInMemberAsync("139" + luoyangId[^8..].Replace('X', '0'), "李秀英", luoyangId);
        var card = (await member.GetFromJsonAsync<CardView>("/api/me/card", TestJson.Options))!;
        (await fixture.Factory.Anonymous().GetFromJsonAsync<List<string>>("/api/cards/banks"))!.ShouldContain("中原银行");

        var bad = await member.PutAsJsonAsync("/api/me/card/bank", new { BankName = "某某钱庄", AccountNumber = "6222 0000 0000 0001", card.Version }, TestJson.Options);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadAsStringAsync();
        problem.ShouldContain("请选择发卡银行");
        problem.ShouldContain("校验位");
        var account = "622200000000001" + CardNumber.CheckDigit("622200000000001");
        (await member.PutAsJsonAsync("/api/me/card/bank", new { BankName = "中原银行", AccountNumber = account, Version = card.Version + 5 }, TestJson.Options))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var linked = await CardAsync(await member.PutAsJsonAsync("/api/me/card/bank", new { BankName = "中原银行", AccountNumber = account, card.Version }, TestJson.Options));
        (linked.BankName, linked.BankCardLast4).ShouldBe(("中原银行", account[^4..]));

        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            var stored = await db.MemberCards.IgnoreQueryFilters().SingleAsync(c => c.Id == card.Id);
            stored.BankAccountCipher.ShouldNotBeNull();
            stored.BankAccountCipher.ShouldNotContain(account);
            scope.ServiceProvider.GetRequiredService<WorkersHome.Platform.Privacy.PersonalDataProtector>().Decrypt(stored.BankAccountCipher).ShouldBe(account);
            (await db.AuditEntries.CountAsync(a => a.Action == "card.bank-linked" && a.TargetId == card.Id.ToString())).ShouldBe(1);
        }

        var reissued = await CardAsync(await member.PostAsJsonAsync("/api/me/card/actions", new { Action = "Reissue", linked.Version }, TestJson.Options));
        (reissued.Id == card.Id, reissued.BankName, reissued.BankCardLast4).ShouldBe((false, "中原银行", account[^4..]));
        var unlinked = await CardAsync(await member.DeleteAsync($"/api/me/card/bank?version={reissued.Version}"));
        unlinked.BankName.ShouldBeNull();
    }
}