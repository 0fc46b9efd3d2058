using System.Net;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Mvc.Testing;

using WorkersHome.Platform.Ui;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Platform;

public sealed class SecurityHeadersFixture : AppFixture
{
    public const string TileServer = "https://{s}.tiles.union.example/{z}/{x}/{y}.png";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Maps:TileUrl"] = TileServer };
}

public sealed partial class SecurityHeadersTests(SecurityHeadersFixture fixture) : IClassFixture<SecurityHeadersFixture>
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/m/Merchants", HttpStatusCode.OK)]
    [InlineData("/api/cards/keys", HttpStatusCode.OK)]
    [InlineData("/api/accounts", HttpStatusCode.Unauthorized)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/favicon.ico", HttpStatusCode.OK)]
    [InlineData("/js/forms.js", HttpStatusCode.OK)]
    public async Task Every_kind_of_response_carries_the_security_headers(string path, HttpStatusCode status)
    {
        var response = await fixture.Factory.Anonymous().GetAsync(path);

        response.StatusCode.ShouldBe(status);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["strict-origin-when-cross-origin"]);
        var policy = Directives(response);
        policy["script-src"].ShouldBe("'self'");
        policy["style-src"].ShouldBe("'self'");
        policy["connect-src"].ShouldBe("'self'");
        policy["object-src"].ShouldBe("'none'");
        policy["base-uri"].ShouldBe("'self'");
        policy["form-action"].ShouldBe("'self'");
        policy["frame-ancestors"].ShouldBe("'none'");
        // QR codes are data: images; map tiles come from the configured server only.
        policy["img-src"].ShouldBe("'self' data: https://*.tiles.union.example");
    }

    [Fact]
    public async Task The_favicon_is_an_icon()
    {
        var client = fixture.Factory.Anonymous();
        (await client.GetAsync("/favicon.ico")).Content.Headers.ContentType!.MediaType.ShouldBe("image/x-icon");
        (await client.GetAsync("/favicon.svg")).Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        (await client.GetStringAsync("/")).ShouldContain("<link rel=\"icon\" href=\"/favicon.svg\"");
    }

    [Fact]
    public async Task Pages_carry_no_inline_script_or_event_handler_attributes()
    {
        var client = fixture.Factory.Anonymous();
        foreach (var path in new[] { "/", "/m/Merchants", "/m/Login", "/SignIn/Login", "/shop/Login" })
        {
            var html = await client.GetStringAsync(path);
            InlineScript().Matches(html).ShouldBeEmpty(path);
            EventHandlerAttribute().Matches(html).ShouldBeEmpty(path);
        }
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_only()
    {
        var https = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://workershome.union.example/") });
        var secure = await https.GetAsync("/");
        secure.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=");

        var plain = await fixture.Factory.Anonymous().GetAsync("/");
        plain.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task The_api_docs_run_their_start_up_script_by_nonce_and_load_nothing_from_elsewhere()
    {
        var response = await fixture.Factory.Anonymous().GetAsync("/api/docs/");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();

        var policy = Directives(response);
        var nonce = ScriptNonce().Match(html);
        nonce.Success.ShouldBeTrue(html);
        policy["script-src"].ShouldBe($"'self' 'nonce-{nonce.Groups["nonce"].Value}'");
        policy["connect-src"].ShouldBe("'self'");
        policy["frame-ancestors"].ShouldBe("'none'");
        ExternalAddress().Matches(html).Select(m => m.Value).ShouldBeEmpty();

        // A fresh nonce per request: an attacker cannot reuse the one they saw.
        var again = await fixture.Factory.Anonymous().GetStringAsync("/api/docs/");
        ScriptNonce().Match(again).Groups["nonce"].Value.ShouldNotBe(nonce.Groups["nonce"].Value);
    }

    [Theory]
    [InlineData("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org")]
    [InlineData("https://{s}.tile.example.cn:8443/{z}/{x}/{y}.png", "https://*.tile.example.cn:8443")]
    [InlineData("http://10.1.2.3/tiles/{z}/{x}/{y}.png", "http://10.1.2.3")]
    [InlineData("https://t{switch:0,1}.tianditu.gov.cn/{z}/{x}/{y}", "https:")]
    [InlineData("/tiles/{z}/{x}/{y}.png", null)]
    public void The_tile_template_becomes_one_image_source(string template, string? source) =>
        MapTiles.CspSource(template).ShouldBe(source);

    private static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single()
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)(?![^>]*type=""application/json"")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex(@"<script[^>]*\bnonce=""(?<nonce>[^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptNonce();

    [GeneratedRegex(@"(?:src|href)=""(?:https?:)?//[^""]+""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalAddress();
}