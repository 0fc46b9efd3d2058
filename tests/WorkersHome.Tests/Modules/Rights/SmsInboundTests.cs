using System.Net;
using System.Net.Http.Json;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Rights;
using WorkersHome.Modules.Rights.Cases;
using WorkersHome.Modules.Rights.Messaging;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Rights;

public sealed class SmsInboundFixture : AppFixture
{
    public const string Secret = "test-sms-gateway-secret";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Rights:Sms:InboundSecret"] = Secret };
}

/// <summary>A member's text to the hotline's number, as the SMS gateway reports it: a case, or a message on their open one.</summary>
public sealed class SmsInboundTests(SmsInboundFixture fixture) : IClassFixture<SmsInboundFixture>
{
    private const string Path = "/api/rights/sms/inbound";

    private static HttpRequestMessage Inbound(object body, string? secret = SmsInboundFixture.Secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = JsonContent.Create(body) };
        if (secret is not null)
        {
            request.Headers.Add(GenericSmsGateway.SecretHeader, secret);
        }

        return request;
    }

    private async Task<SmsReceipt> ReceiveAsync(object body)
    {
        var response = await fixture.Factory.Anonymous().SendAsync(Inbound(body));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<SmsReceipt>(TestJson.Options))!;
    }

    [Fact]
    public async Task The_gateway_must_send_its_secret()
    {
        var body = new { from = "13900007777", text = "没有密钥的消息", messageId = "gw-nosecret-1" };
        var client = fixture.Factory.Anonymous();
        (await client.SendAsync(Inbound(body, secret: null))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.SendAsync(Inbound(body, secret: "wrong"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.SendAsync(Inbound(body, secret: SmsInboundFixture.Secret + "x"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.SendAsync(Inbound(new { from = "12345", text = "号码不对", messageId = "gw-bad-1" }))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.RightsCases.CountAsync(c => c.Subject == "没有密钥的消息")).ShouldBe(0);
    }

    [Fact]
    public async Task A_text_files_an_SMS_case_once_per_gateway_message_id_and_the_member_is_told_by_SMS()
    {
        var body = new { from = "+8613900008888", text = "请问社保断缴怎么补", messageId = "gw-file-1", timestamp = 1765000000 };
        var first = await ReceiveAsync(body);
        var again = await ReceiveAsync(body);

        first.Joined.ShouldBeFalse();
        first.Repeated.ShouldBeFalse();
        again.TrackingNumber.ShouldBe(first.TrackingNumber);
        again.Repeated.ShouldBeTrue();
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var filed = await db.RightsCases.SingleAsync(c => c.TrackingNumber == first.TrackingNumber);
        filed.Channel.ShouldBe(CaseChannel.Sms);
        filed.PhoneMasked.ShouldBe("139****8888");
        (await db.RightsCases.CountAsync(c => c.SubmissionKey == "sms:gw-file-1")).ShouldBe(1);
        (await db.OutboxMessages.CountAsync(m => m.Channel == "sms" && m.Body.Contains(first.TrackingNumber))).ShouldBe(1, "one SMS, not one per retry");
    }

    [Fact]
    public async Task A_reply_by_SMS_joins_the_case_the_hotline_filed_for_that_phone()
    {
        var filed = await fixture.Factory.Api(fixture.World.User("agent")).PostAsJsonAsync("/api/rights/cases", new
        {
            Kind = "Consultation",
            Topic = "WorkInjury",
            Subject = "工伤认定流程",
            CallerName = "赵六",
            Phone = "13900009999",
            PlaceOrgId = fixture.World.Org("410103"),
            SubmissionKey = "hotline-sms-join-1",
        }, TestJson.Options);
        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var hotline = (await filed.Content.ReadFromJsonAsync<CaseState>(TestJson.Options))!;

        var receipt = await ReceiveAsync(new { from = "13900009999", text = "我已经拿到医院的诊断证明了", messageId = "gw-join-1" });
        var unrelated = await ReceiveAsync(new { from = "13900006666", text = "另一个号码的问题", messageId = "gw-join-2" });

        receipt.Joined.ShouldBeTrue();
        receipt.TrackingNumber.ShouldBe(hotline.TrackingNumber);
        unrelated.Joined.ShouldBeFalse();
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var steps = await db.CaseSteps.Where(s => s.CaseId == hotline.Id).OrderBy(s => s.Id).ToListAsync();
        steps.Select(s => s.Kind).ShouldBe([CaseStepKind.Filed, CaseStepKind.MessageAdded]);
        steps[1].Note.ShouldBe("我已经拿到医院的诊断证明了");
        (await db.OutboxMessages.CountAsync(m => m.Channel == "sms" && m.Body.Contains("已加入诉求 " + hotline.TrackingNumber))).ShouldBe(1);
    }

    [Fact]
    public async Task A_form_post_works_as_well_as_JSON()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["from"] = "13900005555", ["text"] = "加班费怎么算", ["messageId"] = "gw-form-1" }),
        };
        request.Headers.Add(GenericSmsGateway.SecretHeader, SmsInboundFixture.Secret);
        var response = await fixture.Factory.Anonymous().SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var receipt = (await response.Content.ReadFromJsonAsync<SmsReceipt>(TestJson.Options))!;
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.RightsCases.SingleAsync(c => c.TrackingNumber == receipt.TrackingNumber)).Subject.ShouldBe("加班费怎么算");
    }
}