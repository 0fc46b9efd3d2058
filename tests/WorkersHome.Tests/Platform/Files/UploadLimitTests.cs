using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

using WorkersHome.Testing;

namespace WorkersHome.Tests.Platform.Files;

/// <summary>Uploads of any size get the friendly message naming the field: in the page, and as ProblemDetails on the API.</summary>
public abstract partial class UploadLimitChecks
{
    protected const int FiftyMegabytes = 50 * 1024 * 1024;

    protected const string PhotoTooLarge = "走访照片文件不能超过 5 MB";

    protected static ByteArrayContent Body(int bytes)
    {
        var content = new ByteArrayContent(new byte[bytes]);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return content;
    }

    protected static async Task AssertProblemAsync(HttpResponseMessage response, string message)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("errors").GetProperty("File")[0].GetString().ShouldBe(message);
    }

    /// <summary>Posts the visit page's record form with a photo of <paramref name="bytes"/>, as the browser would (multipart, antiforgery token).</summary>
    protected static async Task<HttpResponseMessage> PostPhotoOnPageAsync(HttpClient client, int bytes)
    {
        var html = await client.GetStringAsync("/Assistance/Visits");
        var token = WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);
        token.ShouldNotBeEmpty();
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(Guid.NewGuid().ToString()), "VisitId" },
            { new StringContent("0"), "Record.Version" },
            { Body(bytes), "Photo", "走访.jpg" },
        };
        return await client.PostAsync("/Assistance/Visits?handler=Record", form);
    }

    protected static async Task AssertPageShowsAsync(HttpResponseMessage response, string message)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("id=\"errors\"");
        html.ShouldContain(message);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public sealed class UploadLimitTests(AppFixture fixture) : UploadLimitChecks, IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_50_MB_photo_gets_the_friendly_message_from_the_api_and_on_the_page()
    {
        var api = fixture.Factory.Api(fixture.World.User("jc.assist"));
        await AssertProblemAsync(await api.PostAsync($"/api/assistance/visits/{Guid.NewGuid()}/photos?fileName=a.jpg", Body(FiftyMegabytes)), PhotoTooLarge);
        await AssertProblemAsync(await api.PostAsync($"/api/assistance/hardship/{Guid.NewGuid()}/attachments?fileName=a.jpg", Body(FiftyMegabytes)),
            "证明材料文件不能超过 5 MB");

        var page = await fixture.Factory.SignedInAsync(fixture.World.User("jc.assist"));
        await AssertPageShowsAsync(await PostPhotoOnPageAsync(page, FiftyMegabytes), PhotoTooLarge);
    }
}

public sealed class KestrelUploadFixture : AppFixture
{
    public Uri BaseUrl { get; private set; } = null!;

    protected override void ConfigureFactory(AppFactory factory) => factory.UseLoopbackKestrel();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        BaseUrl = Factory.StartLoopbackServer();
    }
}

/// <summary>The same on a real Kestrel, whose own body limit (about 28 MB) used to answer with a bare 400.</summary>
public sealed class KestrelUploadLimitTests(KestrelUploadFixture fixture) : UploadLimitChecks, IClassFixture<KestrelUploadFixture>
{
    private HttpClient Client(bool cookies)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = cookies, CookieContainer = new CookieContainer() };
        return new HttpClient(handler) { BaseAddress = fixture.BaseUrl, Timeout = TimeSpan.FromMinutes(5) };
    }

    [Theory]
    [InlineData(FiftyMegabytes)]
    [InlineData(21 * 1024 * 1024)]
    public async Task A_large_photo_gets_the_friendly_message_from_the_api(int bytes)
    {
        using var api = Client(cookies: false);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.World.User("jc.assist").ApiToken);
        await AssertProblemAsync(await api.PostAsync($"/api/assistance/visits/{Guid.NewGuid()}/photos?fileName=a.jpg", Body(bytes)), PhotoTooLarge);
    }

    [Fact]
    public async Task A_50_MB_photo_on_the_page_shows_the_page_again_with_the_message()
    {
        using var page = Client(cookies: true);
        var cadre = fixture.World.User("jc.assist");
        (await WebClients.SignInAsync(page, cadre.UserName, TestWorld.Password, cadre.TotpKey)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await AssertPageShowsAsync(await PostPhotoOnPageAsync(page, FiftyMegabytes), PhotoTooLarge);
    }
}