using System.Net;
using System.Net.Http.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Platform.Sms;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Platform;

public sealed class SmsFixture : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sms:Limits:IpPerHour"] = "4",
        ["Sms:ShowOutboxPage"] = "true",
    };
}

public sealed class SmsTests(SmsFixture fixture) : IClassFixture<SmsFixture>
{
    private Task<HttpResponseMessage> Send(string phone) =>
        fixture.Factory.Anonymous().PostAsJsonAsync("/api/sms/sign-in-code", new { Phone = phone });

    [Fact]
    public async Task A_code_goes_to_the_outbox_encrypted_and_masked_and_is_limited_per_phone_and_per_address()
    {
        (await Send("13800000001")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var again = await Send("13800000001");
        again.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await again.Content.ReadAsStringAsync()).ShouldContain("发送过于频繁");

        (await Send("13800000002")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await Send("13800000003")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await Send("13800000004")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await Send("13800000005")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "the fifth phone from one address within the hour");

        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var message = await db.OutboxMessages.FirstAsync(m => m.RecipientMasked == "138****0001");
        message.RecipientCipher!.ShouldNotContain("13800000001");
        message.Body.ShouldContain("验证码");
        var page = await fixture.Factory.Anonymous().GetStringAsync("/Dev/Sms");
        page.ShouldContain("138****0001");
        page.ShouldNotContain("13800000001");
    }

    [Fact]
    public async Task A_code_signs_in_once_and_a_wrong_guess_does_not()
    {
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var codes = scope.ServiceProvider.GetRequiredService<SmsCodeService>();
        await codes.SendCodeAsync("13900000009");
        var body = (await db.OutboxMessages.OrderByDescending(m => m.Id).FirstAsync()).Body;
        var code = System.Text.RegularExpressions.Regex.Match(body, "[0-9]{6}").Value;
        (await codes.VerifyAsync("13900000009", code == "000000" ? "000001" : "000000")).ShouldBeFalse();
        (await codes.VerifyAsync("13900000009", code)).ShouldBeTrue();
        (await codes.VerifyAsync("13900000009", code)).ShouldBeFalse("a code works once");
    }

    [Fact]
    public async Task A_malformed_phone_is_a_field_error()
    {
        var response = await Send("12345");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("请输入 11 位手机号码");
    }
}