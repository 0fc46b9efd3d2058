using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Xml.Linq;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Rights;
using WorkersHome.Modules.Rights.Cases;
using WorkersHome.Modules.Rights.Messaging;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Rights;

/// <summary>The account's token, and the app on a real socket so that the development simulator can post to its own callback.</summary>
public sealed class WeChatFixture : AppFixture
{
    public const string Token = "test12351token";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Rights:WeChat:Token"] = Token,
        ["Rights:WeChat:AppId"] = "wx0000000000test",
        ["Rights:WeChat:ShowSimulator"] = "true",
    };

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>A client of the real socket: anonymous, or with a cadre's API token.</summary>
    public HttpClient Client(string? user = null)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = BaseUrl, AllowAutoRedirect = false, HandleCookies = true });
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", World.User(user).ApiToken);
        }

        return client;
    }

    protected override void ConfigureFactory(AppFactory factory) => factory.UseLoopbackKestrel();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        BaseUrl = Factory.StartLoopbackServer();
    }
}

/// <summary>The service account's callback in WeChat's plain-mode protocol, messages into cases, and replies on the channel.</summary>
public sealed class WeChatTests(WeChatFixture fixture) : IClassFixture<WeChatFixture>
{
    private const string Account = "gh_test12351";

    private static long _msgId = 7_300_000_000_000_000_000;

    private static string NextMsgId() => Interlocked.Increment(ref _msgId).ToString(CultureInfo.InvariantCulture);

    private static string Signed(string token = WeChatFixture.Token)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Random.Shared.Next(1, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        return $"/api/rights/wechat?signature={WeChatSignature.Compute(token, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}";
    }

    private static string TextXml(string openId, string text, string msgId) =>
        $"<xml><ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName><CreateTime>1765000000</CreateTime>"
        + $"<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{text}]]></Content><MsgId>{msgId}</MsgId></xml>";

    private Task<HttpResponseMessage> PostAsync(string xml, string? url = null) =>
        fixture.Client().PostAsync(url ?? Signed(), new StringContent(xml, Encoding.UTF8, "text/xml"));

    private static async Task<XElement> ReplyAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/xml");
        return XDocument.Parse(body).Root!;
    }

    [Fact]
    public async Task The_url_check_echoes_only_for_a_valid_signature()
    {
        var client = fixture.Client();
        var valid = await client.GetAsync(Signed() + "&echostr=5837397520291428913");
        valid.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await valid.Content.ReadAsStringAsync()).ShouldBe("5837397520291428913");
        valid.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");

        (await client.GetAsync(Signed("wrong-token") + "&echostr=1")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/rights/wechat?echostr=1")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var forged = await PostAsync(TextXml("oForged", "伪造的消息", NextMsgId()), Signed("wrong-token"));
        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.RightsCases.CountAsync(c => c.Subject == "伪造的消息")).ShouldBe(0);
    }

    [Fact]
    public async Task A_text_files_a_case_and_the_passive_reply_tells_its_number()
    {
        var reply = await ReplyAsync(await PostAsync(TextXml("oUser_filing_01", "公司拖欠我两个月工资，怎么办？", NextMsgId())));

        reply.Element("ToUserName")!.Value.ShouldBe("oUser_filing_01");
        reply.Element("FromUserName")!.Value.ShouldBe(Account);
        reply.Element("MsgType")!.Value.ShouldBe("text");
        long.Parse(reply.Element("CreateTime")!.Value, CultureInfo.InvariantCulture).ShouldBeGreaterThan(1_700_000_000);
        var content = reply.Element("Content")!.Value;
        content.ShouldMatch("您的诉求已登记，编号 WQ[0-9]{14}，工会将在 [0-9]+ 个工作日内答复");

        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var filed = await db.RightsCases.SingleAsync(c => content.Contains(c.TrackingNumber));
        filed.Channel.ShouldBe(CaseChannel.WeChat);
        filed.Kind.ShouldBe(CaseKind.Consultation);
        filed.Topic.ShouldBe(CaseTopic.Other);
        filed.Subject.ShouldBe("公司拖欠我两个月工资，怎么办？");
        filed.OrgId.ShouldBe(fixture.World.Org("41"), "no employer is known: the province's centre dispatches it");
        filed.SenderCipher.ShouldNotBeNull().ShouldNotContain("oUser_filing_01");
        filed.SenderHash.ShouldNotBeNull();
        (await db.OutboxMessages.CountAsync(m => m.Channel == "wechat" && m.RecipientHash == filed.SenderHash))
            .ShouldBe(0, "the passive reply has told the number; no second message");
    }

    [Fact]
    public async Task The_same_MsgId_resent_three_times_at_once_files_one_case_and_gets_the_same_reply()
    {
        var msgId = NextMsgId();
        var xml = TextXml("oUser_retry_01", "工伤认定需要哪些材料", msgId);
        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostAsync(xml)));
        var contents = new List<string>();
        foreach (var response in responses)
        {
            contents.Add((await ReplyAsync(response)).Element("Content")!.Value);
        }

        contents.Distinct().Count().ShouldBe(1, string.Join(" | ", contents));
        var again = (await ReplyAsync(await PostAsync(xml))).Element("Content")!.Value;
        again.ShouldBe(contents[0]);
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.RightsCases.CountAsync(c => c.SubmissionKey == "wx:" + msgId)).ShouldBe(1);
        (await db.InboundMessages.CountAsync(m => m.Key == "wx:" + msgId)).ShouldBe(1);
    }

    [Fact]
    public async Task A_second_message_joins_the_open_case_once()
    {
        var first = (await ReplyAsync(await PostAsync(TextXml("oUser_join_01", "被公司辞退没有补偿", NextMsgId())))).Element("Content")!.Value;
        var msgId = NextMsgId();
        var second = (await ReplyAsync(await PostAsync(TextXml("oUser_join_01", "补充：我在公司工作了五年", msgId)))).Element("Content")!.Value;
        var resent = (await ReplyAsync(await PostAsync(TextXml("oUser_join_01", "补充：我在公司工作了五年", msgId)))).Element("Content")!.Value;
        var other = (await ReplyAsync(await PostAsync(TextXml("oUser_JOIN_01", "另一位用户的问题", NextMsgId())))).Element("Content")!.Value;

        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var filed = await db.RightsCases.SingleAsync(c => first.Contains(c.TrackingNumber));
        second.ShouldContain(filed.TrackingNumber);
        second.ShouldContain("已加入诉求");
        resent.ShouldBe(second);
        other.ShouldNotContain(filed.TrackingNumber, customMessage: "an OpenID differing only in case is another user");
        var steps = await db.CaseSteps.Where(s => s.CaseId == filed.Id).OrderBy(s => s.Id).ToListAsync();
        steps.Select(s => s.Kind).ShouldBe([CaseStepKind.Filed, CaseStepKind.MessageAdded]);
        steps[1].Note.ShouldBe("补充：我在公司工作了五年");
        steps[1].Actor.ShouldBe(RightsCase.ByMember);
        filed.Version.ShouldBe(2);
    }

    [Fact]
    public async Task A_handlers_resolution_goes_to_the_member_on_WeChat_through_the_outbox()
    {
        var content = (await ReplyAsync(await PostAsync(TextXml("oUser_resolve_01", "女职工产假有多少天", NextMsgId())))).Element("Content")!.Value;
        Guid id;
        int version;
        string hash;
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            var filed = await db.RightsCases.SingleAsync(c => content.Contains(c.TrackingNumber));
            (id, version, hash) = (filed.Id, filed.Version, filed.SenderHash!);
        }

        var transferred = await Step(id, "transfer", new { Version = version, ToOrgId = fixture.World.Org("410102"), Reason = "请中原区工会解答" }, "agent");
        var accepted = await Step(id, "accept", new { transferred.Version }, "zy.rights");
        var resolved = await Step(id, "resolve", new { accepted.Version, Note = "产假为 98 天，本省另增加 60 天。" }, "zy.rights");
        resolved.Status.ShouldBe(CaseStatus.Closed);

        await using var check = fixture.Factory.WholeTreeScope(out var after);
        var sent = await after.OutboxMessages.Where(m => m.Channel == "wechat" && m.RecipientHash == hash).ToListAsync();
        sent.Count.ShouldBe(1);
        sent[0].Body.ShouldContain("产假为 98 天");
        sent[0].RecipientCipher.ShouldNotBeNull().ShouldNotContain("oUser_resolve_01");
        (await after.OutboxMessages.CountAsync(m => m.Channel == "sms" && m.Body.Contains("产假为 98 天"))).ShouldBe(0);
    }

    [Fact]
    public async Task Other_kinds_of_message_are_answered_politely_and_file_nothing()
    {
        var subscribe = await ReplyAsync(await PostAsync(
            $"<xml><ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[oUser_kinds_01]]></FromUserName><CreateTime>1765000000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>"));
        subscribe.Element("Content")!.Value.ShouldContain("欢迎关注");
        var image = await ReplyAsync(await PostAsync(
            $"<xml><ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[oUser_kinds_01]]></FromUserName><CreateTime>1765000000</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://example.invalid/a.jpg]]></PicUrl><MsgId>{NextMsgId()}</MsgId></xml>"));
        image.Element("Content")!.Value.ShouldContain("文字");
        var unsubscribe = await PostAsync(
            $"<xml><ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[oUser_kinds_01]]></FromUserName><CreateTime>1765000000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[unsubscribe]]></Event></xml>");
        (await unsubscribe.Content.ReadAsStringAsync()).ShouldBe("success");

        var hash = Hash("oUser_kinds_01");
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.RightsCases.CountAsync(c => c.SenderHash == hash)).ShouldBe(0);
    }

    [Fact]
    public async Task A_document_with_a_DTD_or_entities_is_refused_without_expanding_them()
    {
        var xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + $"<xml><ToUserName>{Account}</ToUserName><FromUserName>oUser_xxe_01</FromUserName><MsgType>text</MsgType><Content>&x;</Content><MsgId>{NextMsgId()}</MsgId></xml>";
        var bomb = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
            + $"<xml><ToUserName>{Account}</ToUserName><FromUserName>oUser_xxe_01</FromUserName><MsgType>text</MsgType><Content>&b;</Content><MsgId>{NextMsgId()}</MsgId></xml>";
        foreach (var xml in new[] { xxe, bomb, "<xml><ToUserName>not closed", new string('x', 70 * 1024) })
        {
            var response = await PostAsync(xml);
            ((int)response.StatusCode).ShouldBeInRange(400, 499);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("root:");
        }

        var hash = Hash("oUser_xxe_01");
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.RightsCases.CountAsync(c => c.SenderHash == hash)).ShouldBe(0);
    }

    [Fact]
    public void The_reply_keeps_a_CDATA_terminator_in_the_text_as_text()
    {
        var message = new WeChatMessage(Account, "oUser]]>x", 0, "text", "", "1", null);
        var reply = XDocument.Parse(WeChatXml.Reply(message, "a]]>b<c>", DateTimeOffset.UtcNow)).Root!;
        reply.Element("Content")!.Value.ShouldBe("a]]>b<c>");
        reply.Element("ToUserName")!.Value.ShouldBe("oUser]]>x");
    }

    [Fact]
    public async Task The_simulator_page_posts_signed_XML_to_the_callback_and_shows_the_reply_and_the_outbox()
    {
        var client = fixture.Client();
        var response = await WebClients.PostFormAsync(client, "/Dev/WeChat", new() { ["OpenId"] = "oSim_page_01", ["Text"] = "劳动合同到期不续签有补偿吗" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("id=\"wechat-reply\">您的诉求已登记，编号 WQ");
        html.ShouldContain("HTTP 200");

        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var hash = Hash("oSim_page_01");
        var filed = await db.RightsCases.SingleAsync(c => c.SenderHash == hash);
        filed.Subject.ShouldBe("劳动合同到期不续签有补偿吗");
    }

    private string Hash(string openId)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<MessageSenders>().HashOpenId(openId);
    }

    private async Task<CaseState> Step(Guid id, string step, object body, string user)
    {
        var response = await fixture.Client(user).PostAsJsonAsync($"/api/rights/cases/{id}/{step}", body, TestJson.Options);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CaseState>(TestJson.Options))!;
    }
}